package io.rapport.platform.identity;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's {@link ServiceTokenVerifier}, built at startup from {@link ServiceTokenConfig} so that a missing or
 * unreadable public key (the gateway's, or a trusted service's under {@code rapport.service-token.services}) stops the
 * service at boot instead of answering 401 to everyone.
 */
@Startup
@ApplicationScoped
public class CallerVerification {
    private final ServiceTokenVerifier verifier;
    private final Set<String> trustedServices;

    public CallerVerification(
            ServiceTokenConfig config,
            @ConfigProperty(name = "quarkus.application.name") Optional<String> applicationName) {
        if (!config.verify()) {
            this.verifier = null;
            this.trustedServices = Set.of();
            return;
        }
        String location = config.publicKeyLocation()
                .orElseThrow(
                        () -> new IllegalStateException(
                                "rapport.service-token.public-key-location (RAPPORT_SERVICE_TOKEN_PUBLIC_KEY_LOCATION) must name the"
                                        + " gateway's public key: services accept only requests carrying a token the gateway signed"));
        String audience = config.audience()
                .or(() -> applicationName)
                .orElseThrow(() ->
                        new IllegalStateException("set rapport.service-token.audience or quarkus.application.name"));
        Map<String, PublicKey> services = new TreeMap<>();
        config.services()
                .forEach((name, trusted) -> services.put(name, PemKeys.publicKey(trusted.publicKeyLocation())));
        this.verifier = new ServiceTokenVerifier(
                PemKeys.publicKey(location), config.issuer(), services, audience, config.maxAge(), config.clockSkew());
        this.trustedServices = Set.copyOf(services.keySet());
    }

    /** Whether requests must carry a service token (false only in the gateway). */
    public boolean enabled() {
        return verifier != null;
    }

    /** The services (besides the gateway) whose own tokens this service accepts. */
    public Set<String> trustedServices() {
        return trustedServices;
    }

    public ServiceToken verify(String jwt) throws ServiceTokenVerifier.Rejected {
        return verifier.verify(jwt);
    }
}
