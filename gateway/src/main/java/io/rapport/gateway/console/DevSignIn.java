package io.rapport.gateway.console;

import io.rapport.platform.identity.PemKeys;
import io.rapport.platform.identity.UserTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dev profile's sign-in: signs the same RS256 token {@code ./crm token} prints ({@link UserTokens}: issuer and
 * audience the gateway verifies, roles in {@code groups}) with the dev key pair. Without
 * {@code rapport.console.dev-sign-in-private-key-location} (every profile but dev and tests) it is off and the console
 * is entered through the identity provider.
 */
@ApplicationScoped
public class DevSignIn {
    private final Optional<PrivateKey> key;
    private final String issuer;
    private final String audience;
    private final ConsoleConfig config;
    private final Clock clock;

    public DevSignIn(
            ConsoleConfig config,
            Clock clock,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") String audiences) {
        this.config = config;
        this.clock = clock;
        this.key =
                config.devSignInPrivateKeyLocation().filter(s -> !s.isBlank()).map(PemKeys::privateKey);
        this.issuer = issuer;
        this.audience = audiences.split(",")[0].trim();
    }

    public boolean enabled() {
        return key.isPresent();
    }

    public String sign(String subject, List<String> roles) {
        PrivateKey privateKey = key.orElseThrow(() -> new IllegalStateException("dev sign-in is off"));
        return UserTokens.sign(privateKey, issuer, audience, subject, roles, clock.instant(), config.sessionTtl());
    }
}
