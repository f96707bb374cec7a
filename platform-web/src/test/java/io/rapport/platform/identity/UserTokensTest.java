package io.rapport.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UserTokensTest {
    private static KeyPair keys;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @Test
    void aDevTokenVerifiesAsTheGatewayChecksIt() throws Exception {
        Instant now = Instant.now();
        String token =
                UserTokens.dev(keys.getPrivate(), "alice", List.of("sales", "support"), now, Duration.ofHours(1));

        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKey(keys.getPublic())
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(UserTokens.DEV_ISSUER)
                .setExpectedAudience(UserTokens.AUDIENCE)
                .setRequireExpirationTime()
                .setRequireJwtId()
                .build()
                .processToClaims(token);
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringClaimValue("upn")).isEqualTo("alice");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("sales", "support");
        assertThat(claims.getIssuedAt().getValue()).isEqualTo(now.getEpochSecond());
        assertThat(claims.getExpirationTime().getValue()).isEqualTo(now.getEpochSecond() + 3600);
    }

    @Test
    void twoTokensForTheSameCallerDifferInTheirId() {
        Instant now = Instant.now();
        String a = UserTokens.dev(keys.getPrivate(), "bob", List.of("admin"), now, Duration.ofMinutes(5));
        String b = UserTokens.dev(keys.getPrivate(), "bob", List.of("admin"), now, Duration.ofMinutes(5));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void anRs256ServiceTokenPassesTheServicesVerifier() throws Exception {
        ServiceTokenVerifier verifier = new ServiceTokenVerifier(
                keys.getPublic(),
                "rapport-gateway",
                Map.of(),
                "customer-service",
                Duration.ofSeconds(60),
                Duration.ZERO);
        String token = Rs256.sign(
                keys.getPrivate(),
                Rs256.claims(
                        "rapport-gateway",
                        "customer-service",
                        "bench",
                        List.of("admin"),
                        Instant.now(),
                        Duration.ofSeconds(60)));

        ServiceToken verified = verifier.verify(token);
        assertThat(verified.subject()).isEqualTo("bench");
        assertThat(verified.roles()).isEqualTo(Set.of("admin"));
        assertThat(verified.partnerId()).isNull();
    }
}
