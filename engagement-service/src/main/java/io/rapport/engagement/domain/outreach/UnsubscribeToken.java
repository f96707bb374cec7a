package io.rapport.engagement.domain.outreach;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of an unsubscribe link: names the customer, the channel and the contact whose message carried it, signed
 * with HMAC-SHA256 under engagement's key, so nobody can withdraw another customer's consent by guessing ids. It
 * carries no personal data and does not expire (a link in an old mail must still work, RFC 8058). Format:
 * {@code base64url(customerId.channel.contactId)} {@code .} {@code base64url(hmac)}.
 */
public final class UnsubscribeToken {
    /** What a valid token names. */
    public record Claims(UUID customerId, String channel, UUID contactId) {}

    private final byte[] key;

    public UnsubscribeToken(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the unsubscribe signing key needs at least 16 characters");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(Claims c) {
        String payload = c.customerId() + "." + c.channel() + "." + c.contactId();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(mac(payload));
    }

    /** The claims of a token this key signed; empty for anything else (tampered, truncated, another key). */
    public Optional<Claims> verify(String token) {
        if (token == null || token.length() > 400) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot == token.length() - 1) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(given, mac(payload))) {
                return Optional.empty();
            }
            String[] parts = payload.split("\\.");
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new Claims(UUID.fromString(parts[0]), parts[1], UUID.fromString(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
