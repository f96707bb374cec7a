package io.rapport.loyalty.partnerkeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The shape of an issued partner key: {@code rpk_<prefix>_<secret>}, the prefix 10 lower-case hex characters (public:
 * it names the key in lists and logs), the secret 32 random bytes in URL-safe base64. Only the SHA-256 of the whole key
 * (lower-case hex of its UTF-8 bytes, the gateway's {@code ApiKeyHash}) is stored; a fast unsalted hash is enough for
 * 256 random bits.
 */
public final class PartnerKeyFormat {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PartnerKeyFormat() {}

    /** A new key and its public prefix. */
    public static Issued issue() {
        byte[] prefix = new byte[5];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(prefix);
        RANDOM.nextBytes(secret);
        String p = HexFormat.of().formatHex(prefix);
        String key = "rpk_" + p + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Issued(key, p, sha256Hex(key));
    }

    public static String sha256Hex(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Whether {@code s} is a lower-case hex SHA-256 (what the verification endpoint accepts). */
    public static boolean isDigest(String s) {
        return s != null
                && s.length() == 64
                && s.toLowerCase(Locale.ROOT).equals(s)
                && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** The key (shown once), its public prefix and its stored hash. */
    public record Issued(String key, String prefix, String sha256) {}
}
