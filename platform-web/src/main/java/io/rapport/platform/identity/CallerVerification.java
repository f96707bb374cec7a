package io.rapport.platform.identity;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's {@link ServiceTokenVerifier}, built at startup from {@link ServiceTokenConfig} so that a missing or
 * unreadable public key stops the service at boot instead of answering 401 to everyone.
 */
@Startup
@ApplicationScoped
public class CallerVerification {
    private final ServiceTokenVerifier verifier;

    public CallerVerification(ServiceTokenConfig config,
            @ConfigProperty(name = "quarkus.application.name") Optional<String> applicationName) {
        if (!config.verify()) {
            this.verifier = null;
            return;
        }
        String location = config.publicKeyLocation().orElseThrow(() -> new IllegalStateException(
                "rapport.service-token.public-key-location (RAPPORT_SERVICE_TOKEN_PUBLIC_KEY_LOCATION) must name the"
                        + " gateway's public key: services accept only requests carrying a token the gateway signed"));
        String audience = config.audience().or(() -> applicationName).orElseThrow(() -> new IllegalStateException(
                "set rapport.service-token.audience or quarkus.application.name"));
        this.verifier = new ServiceTokenVerifier(PemKeys.publicKey(location), config.issuer(), audience,
                config.maxAge(), config.clockSkew());
    }

    /** Whether requests must carry a service token (false only in the gateway). */
    public boolean enabled() {
        return verifier != null;
    }

    public ServiceToken verify(String jwt) throws ServiceTokenVerifier.Rejected {
        return verifier.verify(jwt);
    }
}
