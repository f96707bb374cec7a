package io.rapport.customer.domain;

/**
 * Normalises phone numbers to E.164 ({@code +} then 8 to 15 digits, the first not 0).
 *
 * <p>Accepted input: digits with the usual separators (blanks, {@code - . / ( )}); an international prefix
 * written as {@code +} or {@code 00}; a national number with a trunk {@code 0} only when a default country
 * calling code is configured (then {@code 0} is replaced by it). Anything else, letters included, is refused:
 * guessing a country would merge different people.
 */
public final class PhoneNumbers {
    private static final int MIN_DIGITS = 8;
    private static final int MAX_DIGITS = 15;

    private final String defaultCallingCode;

    /** @param defaultCallingCode digits of the country calling code for national numbers (e.g. "44"), or blank for none */
    public PhoneNumbers(String defaultCallingCode) {
        String code =
                defaultCallingCode == null ? "" : defaultCallingCode.trim().replace("+", "");
        if (!code.isEmpty() && !code.matches("[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("default calling code must be 1 to 3 digits: " + defaultCallingCode);
        }
        this.defaultCallingCode = code;
    }

    /** The E.164 form; throws {@link InvalidValueException} when the input is not a phone number. */
    public String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("must not be blank");
        }
        String s = raw.trim();
        StringBuilder digits = new StringBuilder();
        boolean plus = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+' && i == 0) {
                plus = true;
            } else if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' && c != '.' && c != '/' && c != '(' && c != ')') {
                throw new InvalidValueException("is not a phone number (unexpected '" + c + "')");
            }
        }
        String national = digits.toString();
        String international;
        if (plus) {
            international = national;
        } else if (national.startsWith("00")) {
            international = national.substring(2);
        } else if (national.startsWith("0") && !defaultCallingCode.isEmpty()) {
            international = defaultCallingCode + national.substring(1);
        } else {
            throw new InvalidValueException("must be in international format, e.g. +442079460958");
        }
        if (international.isEmpty() || international.charAt(0) == '0') {
            throw new InvalidValueException("has no valid country calling code");
        }
        if (international.length() < MIN_DIGITS || international.length() > MAX_DIGITS) {
            throw new InvalidValueException("must have 8 to 15 digits in E.164 form");
        }
        return "+" + international;
    }
}
