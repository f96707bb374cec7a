package io.rapport.customer.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * E-mail normalisation for identity: trimmed and lower-cased as a whole, so addresses that differ only in
 * letter case or surrounding blanks are the same person. The syntax check is deliberately simple (one
 * {@code @}, a dotted domain, no blanks); deliverability is not this class's business.
 */
public final class EmailAddresses {
    private static final Pattern SHAPE =
            Pattern.compile("^[^@\\s]{1,64}@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$");
    private static final int MAX_LENGTH = 254;

    private EmailAddresses() {}

    /** The normalised address; throws {@link InvalidValueException} when it is not an e-mail address. */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("must not be blank");
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("is not a valid e-mail address");
        }
        return value;
    }
}
