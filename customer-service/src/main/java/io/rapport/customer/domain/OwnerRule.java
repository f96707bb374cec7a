package io.rapport.customer.domain;

import java.util.Objects;

/**
 * Who owns a customer (the account manager in {@code ownerId}) and who may change it. A sales rep who enters a
 * customer becomes its owner; only a caller who may assign owners (admin) names another owner or changes it
 * later. For everyone else {@code ownerId} in a body is read-only: absent or equal to what it would be anyway is
 * accepted, anything else is refused (403), never silently applied.
 */
public final class OwnerRule {
    /** Raised when a body names an owner its caller may not assign. */
    public static final class NotAllowed extends RuntimeException {
        public NotAllowed(String message) {
            super(message);
        }
    }

    private OwnerRule() {}

    /** The owner of a new customer entered by {@code caller}, who asked for {@code requested} (may be null). */
    public static String onCreate(String requested, String caller, boolean mayAssign) {
        String wanted = blankToNull(requested);
        if (mayAssign) {
            return wanted;
        }
        if (wanted == null || wanted.equals(caller)) {
            return caller;
        }
        throw new NotAllowed("ownerId is read-only for you: a customer you enter is yours; only admin assigns it to"
                + " someone else");
    }

    /** The owner after {@code caller} replaced a customer owned by {@code current}, asking for {@code requested}. */
    public static String onUpdate(String requested, String current, boolean mayAssign) {
        String wanted = blankToNull(requested);
        if (mayAssign) {
            return wanted;
        }
        if (wanted == null || Objects.equals(wanted, current)) {
            return current;
        }
        throw new NotAllowed("ownerId is read-only for you: only admin changes a customer's owner");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
