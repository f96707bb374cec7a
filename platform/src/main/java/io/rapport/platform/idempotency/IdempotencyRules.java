package io.rapport.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The rules of {@code Idempotency-Key}, free of HTTP and database:
 * <ul>
 * <li>a key is 1 to 255 printable ASCII characters (space to tilde) and not blank;</li>
 * <li>a request is the same request when method, path (with its query) and the SHA-256 of the body are equal;</li>
 * <li>only a 2xx answer is stored and replayed. Any other answer is not stored, so the same key can be sent again:
 * a refused request (400, 403, 404, 422) rolled back what it did, and the state that refused it may change (the
 * customer it named is created later); 409, 412, 429 and 503 are refusals of the moment, and replaying them would
 * turn a retry that could now succeed into a permanent refusal.</li>
 * </ul>
 */
public final class IdempotencyRules {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    public static final int MAX_LENGTH = 255;

    private IdempotencyRules() {}

    /** Why the key is not acceptable, or null when it is. Never repeats the key. */
    public static String keyProblem(String key) {
        if (key == null || key.isEmpty() || key.isBlank()) {
            return "must not be empty";
        }
        if (key.length() > MAX_LENGTH) {
            return "must have at most " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return "must consist of printable ASCII characters";
            }
        }
        return null;
    }

    /** Whether an answer with this status is stored for replay. */
    public static boolean stored(int status) {
        return status >= 200 && status < 300;
    }

    /** The lower-case hex SHA-256 of a request body (an absent body hashes as the empty one). */
    public static String sha256(byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The advisory-lock id of one caller's key (collisions only make an unrelated request wait for a 409 retry). */
    public static String lockName(String subject, String key) {
        return subject + '\n' + key;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
