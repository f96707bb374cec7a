package io.rapport.gateway.support;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Signs test tokens with a key pair kept under {@code target/test-jwt/} (created once per build, shared by the
 * test resource that configures the gateway and the tests that call it).
 */
public final class TestTokens {
    public static final String ISSUER = "rapport-test";
    private static final Path DIR = Path.of("target", "test-jwt");

    private TestTokens() {}

    public static final String AUDIENCE = "rapport-api";

    public static String token(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(roles))
                .expiresAt(Instant.now().plusSeconds(3600))
                .sign(privateKey());
    }

    /** Signed by the trusted key, but addressed to another application. */
    public static String wrongAudience(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience("another-app")
                .subject(subject)
                .upn(subject)
                .groups(Set.of(roles))
                .expiresAt(Instant.now().plusSeconds(3600))
                .sign(privateKey());
    }

    /** Signed by the trusted key and not expired, but issued longer ago than the gateway's maximum age. */
    public static String tooOld(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(roles))
                .issuedAt(Instant.now().minusSeconds(5 * 3600))
                .expiresAt(Instant.now().plusSeconds(3600))
                .sign(privateKey());
    }

    /** The service token in an {@code Authorization} header the gateway sent upstream, verified as a service would. */
    public static io.rapport.platform.identity.ServiceToken serviceToken(String authorization, String audience)
            throws io.rapport.platform.identity.ServiceTokenVerifier.Rejected {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new AssertionError("no bearer service token upstream: " + authorization);
        }
        return new io.rapport.platform.identity.ServiceTokenVerifier(
                        io.rapport.platform.identity.PemKeys.publicKey(
                                serviceKeyFile("public.pem").toString()),
                        io.rapport.platform.identity.ServiceToken.DEFAULT_ISSUER,
                        audience,
                        java.time.Duration.ofSeconds(60),
                        java.time.Duration.ofSeconds(10))
                .verify(authorization.substring(7));
    }

    /** The gateway's service-token key pair for the tests ({@code service-private.pem}, {@code service-public.pem}). */
    public static Path serviceKeyFile(String name) {
        ensureKeys();
        return DIR.resolve("service-" + name).toAbsolutePath();
    }

    public static String expired(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(roles))
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign(privateKey());
    }

    /** A token for the right subject and roles but from another issuer's key. */
    public static String foreign(String subject, String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(ISSUER)
                    .audience(AUDIENCE)
                    .subject(subject)
                    .upn(subject)
                    .groups(Set.of(roles))
                    .expiresAt(Instant.now().plusSeconds(3600))
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path publicKeyFile() {
        ensureKeys();
        return DIR.resolve("public.pem").toAbsolutePath();
    }

    private static PrivateKey privateKey() {
        ensureKeys();
        try {
            String pem = Files.readString(DIR.resolve("private.pem"));
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void ensureKeys() {
        if (Files.exists(DIR.resolve("service-public.pem")) && Files.exists(DIR.resolve("private.pem"))) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(DIR);
            Files.writeString(
                    DIR.resolve("private.pem"),
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(
                    DIR.resolve("public.pem"),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            KeyPair service = generator.generateKeyPair();
            Files.writeString(
                    DIR.resolve("service-private.pem"),
                    pem("PRIVATE KEY", service.getPrivate().getEncoded()));
            Files.writeString(
                    DIR.resolve("service-public.pem"),
                    pem("PUBLIC KEY", service.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
