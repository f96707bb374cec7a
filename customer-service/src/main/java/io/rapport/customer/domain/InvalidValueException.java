package io.rapport.customer.domain;

/** A value that cannot be accepted (malformed e-mail, phone, zone...); the message says why, without the field. */
public class InvalidValueException extends RuntimeException {
    public InvalidValueException(String message) {
        super(message, null, false, false);
    }
}
