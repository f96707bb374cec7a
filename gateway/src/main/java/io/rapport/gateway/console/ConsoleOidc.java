package io.rapport.gateway.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the console signs people in through the organisation's identity provider: Quarkus OIDC's authorization code
 * flow ({@code quarkus.oidc.*}, README "Console") is on when the tenant is enabled ({@code RAPPORT_CONSOLE_OIDC_ENABLED})
 * and an issuer is configured. Then an
 * unauthenticated console page leads to {@link #SIGN_IN}, which Quarkus OIDC protects (it redirects to the provider and
 * back), and sign-out ends the provider's session too through {@link #SIGN_OUT}.
 */
@ApplicationScoped
public class ConsoleOidc {
    /** The page the code flow protects; reaching it signed in hands the provider's access token to the console. */
    public static final String SIGN_IN = "/console/oidc/sign-in";
    /** Quarkus OIDC's logout path ({@code quarkus.oidc.logout.path}): RP-initiated logout at the provider. */
    public static final String SIGN_OUT = "/console/oidc/sign-out";
    /** The prefix of Quarkus OIDC's session cookie (split into chunks when large). */
    static final String SESSION_COOKIE = "q_session";

    private final boolean enabled;

    public ConsoleOidc(
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean tenantEnabled) {
        this.enabled = tenantEnabled && issuer.filter(s -> !s.isBlank()).isPresent();
    }

    public boolean enabled() {
        return enabled;
    }
}
