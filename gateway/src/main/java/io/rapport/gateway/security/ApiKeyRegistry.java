package io.rapport.gateway.security;

import io.rapport.gateway.config.GatewayConfig;
import io.rapport.gateway.domain.AccessPolicy;
import io.rapport.gateway.domain.ApiKeyHash;
import io.rapport.gateway.domain.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Partner API keys from configuration, looked up by the SHA-256 of the presented key; the keys themselves
 * are never configured or kept. A configuration with a malformed digest or an unknown scope fails at startup.
 */
@ApplicationScoped
public class ApiKeyRegistry {
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> SCOPES = Set.of(AccessPolicy.SCOPE_READ, AccessPolicy.SCOPE_WRITE);

    private final Map<String, GatewayConfig.ApiKey> byDigest = new HashMap<>();
    private final Map<String, GatewayConfig.ApiKey> byPartner = new HashMap<>();

    public ApiKeyRegistry(GatewayConfig config) {
        config.apiKeys().forEach((label, key) -> {
            String digest = key.sha256().trim().toLowerCase(java.util.Locale.ROOT);
            if (!HEX_SHA256.matcher(digest).matches()) {
                throw new IllegalStateException("rapport.gateway.api-keys." + label + ".sha256 is not a hex SHA-256");
            }
            if (!SCOPES.containsAll(key.scopes())) {
                throw new IllegalStateException(
                        "rapport.gateway.api-keys." + label + ".scopes must be among " + SCOPES);
            }
            byDigest.put(digest, key);
            byPartner.putIfAbsent(key.partnerId(), key);
        });
    }

    public Optional<Caller> authenticate(String presentedKey) {
        GatewayConfig.ApiKey key = byDigest.get(ApiKeyHash.sha256Hex(presentedKey));
        return Optional.ofNullable(key).map(k -> Caller.partner(k.partnerId(), Set.copyOf(k.scopes())));
    }

    /** The key settings of a partner (for its own rate limit), if it has a key. */
    public Optional<GatewayConfig.ApiKey> ofPartner(String partnerId) {
        return Optional.ofNullable(byPartner.get(partnerId));
    }
}
