package io.rapport.gateway.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The console's settings ({@code rapport.console.*}). */
@ConfigMapping(prefix = "rapport.console")
public interface ConsoleConfig {
    /** Whether the session cookie is marked Secure (HTTPS only); off only in the dev and test profiles. */
    @WithDefault("true")
    boolean secureCookie();

    /** Lifetime of a dev sign-in's token (at most the gateway's mp.jwt.verify.token.age). */
    @WithDefault("PT1H")
    Duration sessionTtl();

    /**
     * The private key of the dev token issuer ({@code ./crm token}'s {@code .rapport/dev-jwt/private.pem}). Set only
     * in the dev profile: without it the sign-in page offers no dev sign-in.
     */
    Optional<String> devSignInPrivateKeyLocation();

    /** Each service's management base URL (readiness and metrics for the Health page), by upstream name. */
    Map<String, String> management();

    /** How long the Health page waits for one service's readiness or metrics. */
    @WithDefault("2s")
    Duration healthTimeout();
}
