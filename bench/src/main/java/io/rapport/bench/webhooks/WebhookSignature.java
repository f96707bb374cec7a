package io.rapport.bench.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures as a receiver checks them (README, "Webhooks"): {@code webhook-signature} holds
 * space-separated {@code v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>} entries, key being the
 * base64-decoded part of the {@code whsec_} secret; {@code webhook-timestamp} (Unix seconds) may be at most
 * {@link #TOLERANCE} off the receiver's clock, so a captured request cannot be replayed later.
 */
public final class WebhookSignature {
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String PREFIX = "whsec_";

    /** Why a request was accepted or refused. */
    public enum Outcome {
        VALID,
        MISSING_HEADERS,
        BAD_TIMESTAMP,
        STALE_TIMESTAMP,
        BAD_SIGNATURE,
        NO_SECRET
    }

    private WebhookSignature() {}

    /** The {@code v1,...} entry for one secret. */
    public static String sign(String secret, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * Checks one request against every secret the receiver knows (during a rotation the sender signs with the old and
     * the new one). Compares in constant time.
     */
    public static Outcome verify(
            Collection<String> secrets, String id, String timestamp, String signatureHeader, byte[] body, Instant now) {
        if (blank(id) || blank(timestamp) || blank(signatureHeader)) {
            return Outcome.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Outcome.BAD_TIMESTAMP;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return Outcome.STALE_TIMESTAMP;
        }
        boolean anySecret = false;
        for (String secret : secrets) {
            byte[] expected;
            try {
                expected = sign(secret, id, timestamp.trim(), body).getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                continue; // not a whsec_ secret: skipped
            }
            anySecret = true;
            for (String entry : signatureHeader.trim().split(" +")) {
                if (MessageDigest.isEqual(expected, entry.getBytes(StandardCharsets.UTF_8))) {
                    return Outcome.VALID;
                }
            }
        }
        return anySecret ? Outcome.BAD_SIGNATURE : Outcome.NO_SECRET;
    }

    private static byte[] key(String secret) {
        String s = secret == null ? "" : secret.trim();
        if (!s.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a Standard Webhooks secret starts with " + PREFIX);
        }
        byte[] key = Base64.getDecoder().decode(s.substring(PREFIX.length()));
        if (key.length == 0) {
            throw new IllegalArgumentException("empty secret");
        }
        return key;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
