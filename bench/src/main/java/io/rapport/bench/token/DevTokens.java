package io.rapport.bench.token;

import io.rapport.platform.identity.UserTokens;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The tokens the gateway's dev profile accepts: {@link UserTokens#dev} (issuer {@value #ISSUER}, audience
 * {@value #AUDIENCE}, roles in {@code groups}), issued now.
 */
public final class DevTokens {
    public static final String ISSUER = UserTokens.DEV_ISSUER;
    /** The audience the gateway expects ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = UserTokens.AUDIENCE;

    private DevTokens() {}

    public static String sign(PrivateKey key, String subject, List<String> roles, Duration ttl) {
        return UserTokens.dev(key, subject, roles, Instant.now(), ttl);
    }
}
