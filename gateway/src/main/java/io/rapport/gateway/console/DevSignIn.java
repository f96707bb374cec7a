package io.rapport.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.platform.identity.PemKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dev profile's sign-in: signs the same RS256 token {@code ./crm token} prints (issuer and audience the gateway
 * verifies, roles in {@code groups}) with the dev key pair. Without {@code rapport.console.dev-sign-in-private-key-location}
 * (every profile but dev and tests) it is off and the console is entered through the identity provider.
 */
@ApplicationScoped
public class DevSignIn {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final Optional<PrivateKey> key;
    private final String issuer;
    private final String audience;
    private final ConsoleConfig config;
    private final ObjectMapper json;

    public DevSignIn(
            ConsoleConfig config,
            ObjectMapper json,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") String audiences) {
        this.config = config;
        this.json = json;
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
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", roles);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(config.sessionTtl()).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        try {
            String header = B64.encodeToString(json.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = B64.encodeToString(json.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + B64.encodeToString(signature.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a dev token", e);
        }
    }
}
