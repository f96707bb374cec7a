package io.rapport.gateway.security;

import io.rapport.gateway.domain.AccessPolicy;
import io.rapport.gateway.domain.Caller;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Reads a request's credentials: {@code Authorization: Bearer <JWT>} verified by SmallRye JWT against the
 * configured issuer, key, audience and maximum age ({@code mp.jwt.verify.*}), or {@code X-Api-Key} for partner systems. Only the
 * four Rapport roles are taken from the token's {@code groups}; others are ignored.
 */
@ApplicationScoped
public class Authenticator {
    private static final Logger LOG = Logger.getLogger(Authenticator.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[\\p{Graph} ]{1,256}");
    private final JWTParser parser;
    private final ApiKeyRegistry apiKeys;
    private final VerifiedTokens verified = new VerifiedTokens(60, 100_000);
    private final Optional<Long> maxAgeSeconds;
    private final Clock clock;

    /**
     * {@code mp.jwt.verify.audiences} and {@code mp.jwt.verify.token.age} make SmallRye JWT refuse a token for another
     * audience or issued too long ago; the maximum age is also applied to the cache of verified tokens.
     */
    public Authenticator(
            JWTParser parser,
            ApiKeyRegistry apiKeys,
            @ConfigProperty(name = "mp.jwt.verify.token.age") Optional<Long> maxAgeSeconds,
            Clock clock) {
        this.clock = clock;
        this.parser = parser;
        this.apiKeys = apiKeys;
        this.maxAgeSeconds = maxAgeSeconds;
    }

    public AuthResult authenticate(String authorization, String apiKey) {
        if (authorization != null && !authorization.isBlank()) {
            return bearer(authorization.trim());
        }
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKeys.authenticate(apiKey.trim())
                    .<AuthResult>map(AuthResult.Authenticated::new)
                    .orElse(new AuthResult.Rejected("the API key is not known", "invalid_token"));
        }
        return new AuthResult.Rejected("this endpoint needs a bearer token or a partner API key", null);
    }

    /** Whether a name can travel in X-Rapport-Principal: printable ASCII, at most 256 characters. */
    private static boolean headerSafe(String name) {
        return name != null && SAFE_NAME.matcher(name).matches();
    }

    private AuthResult bearer(String authorization) {
        int space = authorization.indexOf(' ');
        if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("Bearer")) {
            return new AuthResult.Rejected("the Authorization header must use the Bearer scheme", "invalid_request");
        }
        String token = authorization.substring(space + 1).trim();
        long now = clock.instant().getEpochSecond();
        Caller known = verified.get(token, now);
        if (known != null) {
            return new AuthResult.Authenticated(known);
        }
        try {
            JsonWebToken jwt = parser.parse(token);
            String name = headerSafe(jwt.getName()) ? jwt.getName() : jwt.getSubject();
            if (!headerSafe(name)) {
                return new AuthResult.Rejected("the token names no usable subject", "invalid_token");
            }
            Set<String> roles = jwt.getGroups() == null
                    ? Set.of()
                    : jwt.getGroups().stream()
                            .filter(AccessPolicy.ROLES::contains)
                            .collect(Collectors.toSet());
            Caller caller = Caller.user(name, roles);
            long validUntil = maxAgeSeconds
                    .map(age -> Math.min(jwt.getExpirationTime(), jwt.getIssuedAtTime() + age))
                    .orElse(jwt.getExpirationTime());
            verified.put(token, caller, validUntil, now);
            return new AuthResult.Authenticated(caller);
        } catch (ParseException e) {
            LOG.debugf(
                    "bearer token refused: %s",
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            return new AuthResult.Rejected(
                    "the bearer token is malformed, expired, too old, for another audience or not"
                            + " signed by a trusted issuer",
                    "invalid_token");
        }
    }
}
