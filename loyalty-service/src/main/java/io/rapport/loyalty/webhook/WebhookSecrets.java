package io.rapport.loyalty.webhook;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Seals and opens a subscription's signing secrets ({@link SecretBox}) and says which are valid at an instant: the
 * current one, and the previous one until its grace period ends. The service does not start without
 * {@code rapport.webhooks.encryption-key}; only the dev and test profiles have one built in (application.properties).
 */
@Startup
@ApplicationScoped
public class WebhookSecrets {
    private final SecretBox box;

    public WebhookSecrets(WebhookConfig config) {
        String key = config.encryptionKey()
                .filter(k -> !k.isBlank())
                .orElseThrow(() -> new IllegalStateException(
                        "rapport.webhooks.encryption-key (RAPPORT_WEBHOOKS_ENCRYPTION_KEY) is required: 32 random bytes, base64"
                                + " (README, Webhooks)"));
        this.box = new SecretBox(key);
    }

    public String seal(WebhookSubscription s, String secret) {
        return box.seal(secret, s.id.toString());
    }

    /** The secrets to sign with at {@code now}: the current one first, then the previous one while in its grace period. */
    public List<String> valid(WebhookSubscription s, Instant now) {
        List<String> out = new ArrayList<>(2);
        out.add(box.open(s.secret, s.id.toString()));
        if (s.previousSecret != null && s.previousSecretUntil != null && now.isBefore(s.previousSecretUntil)) {
            out.add(box.open(s.previousSecret, s.id.toString()));
        }
        return out;
    }
}
