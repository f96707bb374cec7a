package io.rapport.loyalty.webhook;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** The SSRF guard with the configured admin allow-list. */
public class WebhookBeans {
    @Produces
    @Singleton
    TargetGuard targetGuard(WebhookConfig config) {
        return new TargetGuard(config.allowedTargets().orElse(List.of()));
    }
}
