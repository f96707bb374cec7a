package io.rapport.loyalty.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The one-time codes a member presents to a partner: 8 Crockford base32 characters (40 random bits), shown once and
 * stored only as SHA-256 of the code's id and the code, so the table does not hold usable codes and equal codes of
 * two members do not hash alike. A code is worth trying only for its member and partner, lives minutes, and a few
 * wrong attempts burn the member's outstanding codes for that partner, so guessing 2^40 values is hopeless.
 */
public final class RedemptionCodes {
    public static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RedemptionCodes() {}

    public static String newCode() {
        return newCode(RANDOM);
    }

    static String newCode(RandomGenerator random) {
        return MemberNumbers.Crockford.random(LENGTH, random);
    }

    /** The stored form of {@code code} for the row {@code id}. */
    public static String hash(UUID id, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(id.toString().getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) ':');
            return HexFormat.of().formatHex(sha.digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether {@code presented} (as typed) is the code stored as {@code storedHash} for row {@code id}; constant time. */
    public static boolean matches(UUID id, String storedHash, String presented) {
        String normal = MemberNumbers.Crockford.normalise(presented);
        if (normal == null || normal.length() != LENGTH) {
            return false;
        }
        return MessageDigest.isEqual(
                hash(id, normal).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
