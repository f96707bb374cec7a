package io.rapport.loyalty.domain;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Member numbers a partner cannot guess or enumerate: the programme code, a dash and 12 characters drawn at random
 * from the Crockford base32 alphabet (digits and upper-case letters without I, L, O and U), 60 random bits. The
 * old sequential numbers ({@code CODE-00000042}) were moved to {@code legacy_member_number} by migration V20: staff
 * still see them on the membership, partners can no longer use them.
 */
public final class MemberNumbers {
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MemberNumbers() {}

    public static String next(String programmeCode) {
        return next(programmeCode, RANDOM);
    }

    static String next(String programmeCode, RandomGenerator random) {
        return programmeCode + "-" + Crockford.random(LENGTH, random);
    }

    /** Random strings and normalised input in the Crockford base32 alphabet. */
    public static final class Crockford {
        private Crockford() {}

        public static String random(int length, RandomGenerator random) {
            char[] c = new char[length];
            for (int i = 0; i < length; i++) {
                c[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            return new String(c);
        }

        /**
         * What a person typed, as the code it means: upper case, dashes and spaces dropped, O read as 0 and I, L as 1
         * (Crockford's decoding rules). Null when a character is outside the alphabet.
         */
        public static String normalise(String typed) {
            if (typed == null) {
                return null;
            }
            StringBuilder sb = new StringBuilder(typed.length());
            for (char ch : typed.toCharArray()) {
                char u = Character.toUpperCase(ch);
                if (u == '-' || u == ' ') {
                    continue;
                }
                u = switch (u) {
                    case 'O' -> '0';
                    case 'I', 'L' -> '1';
                    default -> u;
                };
                if (ALPHABET.indexOf(u) < 0) {
                    return null;
                }
                sb.append(u);
            }
            return sb.toString();
        }
    }
}
