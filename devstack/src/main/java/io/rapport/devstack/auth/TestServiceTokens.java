package io.rapport.devstack.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The test JVM's stand-in for the gateway's signing key: one RSA key pair per test JVM (PEM files in a temporary
 * directory; the public one is what {@code RapportTestInfra} gives the service as
 * {@code rapport.service-token.public-key-location}), and tokens in the format the services verify (the
 * gateway's {@code ServiceTokenSigner}: issuer {@value #ISSUER}, {@code aud}, {@code sub}, {@code groups},
 * {@code partner_id}, {@code iat}, {@code exp}). Services that call others on their own behalf (engagement-service)
 * get a key pair of their own ({@link #servicePublicKeyLocation}, {@link #signAsService}): never the gateway's.
 * Tests that check refusals build wrong tokens with
 * {@link #sign(String, String, Collection, String, Instant, Duration, String)}.
 */
public final class TestServiceTokens {
    public static final String ISSUER = "rapport-gateway";
    /** System properties that carry the key pair's files to every class loader of the test JVM. */
    private static final String PUBLIC = "rapport.devstack.service-token.public";

    private static final String PRIVATE = "rapport.devstack.service-token.private";

    private TestServiceTokens() {}

    /** The public key file (created on first call), as a {@code file:} location. */
    public static String publicKeyLocation() {
        ensure();
        return "file:" + System.getProperty(PUBLIC);
    }

    /**
     * The public key file of the test key pair of {@code service} (e.g. engagement-service), a service that calls
     * others on its own behalf with its own key; what {@code RapportTestInfra} gives a service that trusts it.
     */
    public static String servicePublicKeyLocation(String service) {
        ensure(service);
        return "file:" + System.getProperty(PUBLIC + "." + service);
    }

    /** The private key file of {@code service}'s test key pair (what that service's own tests sign with). */
    public static String servicePrivateKeyLocation(String service) {
        ensure(service);
        return "file:" + System.getProperty(PRIVATE + "." + service);
    }

    /** A valid token of {@code service} for itself (iss = sub = its name, no roles), signed with its own test key. */
    public static String signAsService(String service, String audience) {
        return sign(
                serviceKey(service),
                service,
                audience,
                List.of(),
                service,
                Instant.now(),
                Duration.ofSeconds(60),
                null);
    }

    /** {@code service}'s own test key (to build tokens it must not be able to make, e.g. claiming the gateway). */
    public static PrivateKey serviceKey(String service) {
        ensure(service);
        return read(System.getProperty(PRIVATE + "." + service));
    }

    /** A valid token for {@code audience}, issued now, living 60 s. */
    public static String sign(String audience, String subject, Collection<String> roles, String partnerId) {
        return sign(ISSUER, audience, roles, subject, Instant.now(), Duration.ofSeconds(60), partnerId);
    }

    /** A token with every field chosen by the caller, signed by the trusted test key. */
    public static String sign(
            String issuer,
            String audience,
            Collection<String> roles,
            String subject,
            Instant issuedAt,
            Duration lifetime,
            String partnerId) {
        return sign(privateKey(), issuer, audience, roles, subject, issuedAt, lifetime, partnerId);
    }

    /** A token signed by {@code key} (e.g. a key the service does not trust). */
    public static String sign(
            PrivateKey key,
            String issuer,
            String audience,
            Collection<String> roles,
            String subject,
            Instant issuedAt,
            Duration lifetime,
            String partnerId) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.plus(lifetime).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setStringListClaim("groups", List.copyOf(new TreeSet<>(roles)));
        if (partnerId != null) {
            claims.setStringClaim("partner_id", partnerId);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh key pair nobody trusts. */
    public static KeyPair untrustedKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() {
        ensure();
        return read(System.getProperty(PRIVATE));
    }

    private static PrivateKey read(String file) {
        try {
            String pem = Files.readString(Path.of(file));
            byte[] der = Base64.getMimeDecoder()
                    .decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ensure() {
        ensure(null);
    }

    /** The gateway's test pair ({@code service} null) or that service's own one. */
    private static void ensure(String service) {
        String publicProperty = service == null ? PUBLIC : PUBLIC + "." + service;
        String privateProperty = service == null ? PRIVATE : PRIVATE + "." + service;
        synchronized (System.getProperties()) {
            if (System.getProperty(privateProperty) != null) {
                return;
            }
            try {
                KeyPair pair = untrustedKeyPair();
                Path dir = Files.createTempDirectory(
                        service == null ? "rapport-service-token" : "rapport-" + service + "-token");
                Path privateFile = dir.resolve("private.pem");
                Path publicFile = dir.resolve("public.pem");
                Files.writeString(
                        privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                privateFile.toFile().deleteOnExit();
                publicFile.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                System.setProperty(publicProperty, publicFile.toString());
                System.setProperty(privateProperty, privateFile.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
