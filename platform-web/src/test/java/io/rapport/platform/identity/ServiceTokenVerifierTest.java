package io.rapport.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServiceTokenVerifierTest {
    private static KeyPair keys;
    private static KeyPair otherKeys;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    private static ServiceTokenVerifier verifier(Duration maxAge) {
        return new ServiceTokenVerifier(keys.getPublic(), "rapport-gateway", "customer-service", maxAge, Duration.ZERO);
    }

    @Test
    void aTokenSeenBeforeIsAnsweredWithoutCheckingItsSignatureAgain() throws Exception {
        ServiceTokenVerifier verifier = verifier(Duration.ofSeconds(60));
        String jwt = new ServiceTokenSigner(keys.getPrivate(), "rapport-gateway", Duration.ofSeconds(60))
                .sign(ServiceToken.user("alice", Set.of("sales")), "customer-service");

        ServiceToken first = verifier.verify(jwt);
        for (int i = 0; i < 100; i++) {
            assertThat(verifier.verify(jwt)).isEqualTo(first);
        }

        assertThat(first.subject()).isEqualTo("alice");
        assertThat(first.roles()).containsExactly("sales");
        assertThat(verifier.fullChecks()).isEqualTo(1);
    }

    @Test
    void aKeptTokenIsRejectedOnceItsMaximumAgeHasPassed() throws Exception {
        ServiceTokenVerifier verifier = verifier(Duration.ofSeconds(1));
        String jwt = new ServiceTokenSigner(keys.getPrivate(), "rapport-gateway", Duration.ofSeconds(1))
                .sign(ServiceToken.user("alice", Set.of("sales")), "customer-service");
        verifier.verify(jwt);

        Thread.sleep(2100);

        assertThatThrownBy(() -> verifier.verify(jwt)).isInstanceOf(ServiceTokenVerifier.Rejected.class);
        assertThatThrownBy(() -> verifier.verify(jwt)).isInstanceOf(ServiceTokenVerifier.Rejected.class);
    }

    @Test
    void aRejectedTokenIsCheckedInFullEveryTime() throws Exception {
        ServiceTokenVerifier verifier = verifier(Duration.ofSeconds(60));
        String forged = new ServiceTokenSigner(otherKeys.getPrivate(), "rapport-gateway", Duration.ofSeconds(60))
                .sign(ServiceToken.user("mallory", Set.of("admin")), "customer-service");
        String otherAudience = new ServiceTokenSigner(keys.getPrivate(), "rapport-gateway", Duration.ofSeconds(60))
                .sign(ServiceToken.user("alice", Set.of("sales")), "loyalty-service");

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(ServiceTokenVerifier.Rejected.class)
                    .hasMessageContaining("signature");
            assertThatThrownBy(() -> verifier.verify(otherAudience)).isInstanceOf(ServiceTokenVerifier.Rejected.class);
        }
        assertThat(verifier.fullChecks()).isEqualTo(6);
    }
}
