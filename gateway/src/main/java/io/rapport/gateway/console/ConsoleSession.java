package io.rapport.gateway.console;

import io.rapport.gateway.domain.Caller;
import io.rapport.gateway.security.AuthResult;
import io.rapport.gateway.security.Authenticator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The console's session: the caller's JWT in an HttpOnly, SameSite=Strict cookie (Secure outside dev and tests),
 * verified on every request exactly like a bearer token on {@code /api/**} (a dev sign-in's token, or the access token
 * the identity provider issued in the OIDC code flow: the same issuer, audience and {@code groups} the API accepts). Forms that change something carry a
 * token derived from the session ({@link #csrf(String)}) that a page of another site cannot read.
 */
@ApplicationScoped
public class ConsoleSession {
    public static final String COOKIE = "rapport_console";
    private final Authenticator authenticator;
    private final ConsoleConfig config;
    private final ConsoleOidc oidc;

    public ConsoleSession(Authenticator authenticator, ConsoleConfig config, ConsoleOidc oidc) {
        this.authenticator = authenticator;
        this.config = config;
        this.oidc = oidc;
    }

    /**
     * Where a request without a session is sent: straight into the identity provider's code flow when OIDC is the only
     * way in, otherwise the sign-in page (dev sign-in, or both).
     */
    public String signInPath() {
        boolean dev =
                config.devSignInPrivateKeyLocation().filter(s -> !s.isBlank()).isPresent();
        return oidc.enabled() && !dev ? ConsoleOidc.SIGN_IN : "/console/sign-in";
    }

    /** The signed-in caller, or empty when the cookie is missing, expired or not trusted. */
    public Optional<Caller> caller(String token) {
        if (token == null || token.isBlank() || token.length() > 8192) {
            return Optional.empty();
        }
        AuthResult result = authenticator.authenticate("Bearer " + token, null);
        return result instanceof AuthResult.Authenticated ok ? Optional.of(ok.caller()) : Optional.empty();
    }

    public NewCookie open(String token) {
        return cookie(token, (int) config.sessionTtl().toSeconds());
    }

    public NewCookie close() {
        return cookie("", 0);
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path("/console")
                .httpOnly(true)
                .secure(config.secureCookie())
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge)
                .build();
    }

    /** The form token of a session: the first 128 bits of SHA-256 over "csrf:" and the session token. */
    public static String csrf(String token) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(("csrf:" + token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a form's token belongs to the session (constant time). */
    public static boolean csrfMatches(String token, String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        csrf(token).getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }
}
