package io.rapport.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServiceTokenVerifierTest {
    private static KeyPair keys;
    private static KeyPair otherKeys;
    private static KeyPair engagementKeys;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
        engagementKeys = generator.generateKeyPair();
    }

    /** customer-service's verifier: the gateway, and engagement-service with its own key. */
    private static ServiceTokenVerifier trustingEngagement() {
        return new ServiceTokenVerifier(
                keys.getPublic(),
                "rapport-gateway",
                Map.of("engagement-service", engagementKeys.getPublic()),
                "customer-service",
                Duration.ofSeconds(60),
                Duration.ZERO);
    }

    private static ServiceTokenSigner engagementSigner(String issuer) {
        return new ServiceTokenSigner(engagementKeys.getPrivate(), issuer, Duration.ofSeconds(60));
    }

    @Test
    void aTrustedServicesOwnTokenIsThatServiceAndNothingMore() throws Exception {
        ServiceToken token = trustingEngagement()
                .verify(engagementSigner("engagement-service")
                        .sign(ServiceToken.service("engagement-service"), "customer-service"));

        assertThat(token.service()).isEqualTo("engagement-service");
        assertThat(token.subject()).isEqualTo("engagement-service");
        assertThat(token.roles()).isEmpty();
        assertThat(token.partnerId()).isNull();
        // the gateway's tokens keep working beside it, and name no service
        ServiceToken user = trustingEngagement()
                .verify(new ServiceTokenSigner(keys.getPrivate(), "rapport-gateway", Duration.ofSeconds(60))
                        .sign(ServiceToken.user("alice", Set.of("sales")), "customer-service"));
        assertThat(user.isService()).isFalse();
        assertThat(user.roles()).containsExactly("sales");
    }

    @Test
    void aServiceKeyCannotSpeakForTheGatewayOrForAPerson() {
        ServiceTokenVerifier verifier = trustingEngagement();
        // claims the gateway as issuer, signed with engagement's key: the gateway's key does not match
        String asGateway = engagementSigner("rapport-gateway")
                .sign(ServiceToken.user("alice", Set.of("admin")), "customer-service");
        // its own issuer, but a person's subject or roles it claims
        String asAlice =
                engagementSigner("engagement-service").sign(ServiceToken.user("alice", Set.of()), "customer-service");
        String withRoles = engagementSigner("engagement-service")
                .sign(new ServiceToken("engagement-service", Set.of("support"), null), "customer-service");
        String asPartner = engagementSigner("engagement-service")
                .sign(new ServiceToken("engagement-service", Set.of(), "p-1"), "customer-service");
        // another service's name with engagement's key, and an issuer nobody trusts
        String asLoyalty =
                engagementSigner("loyalty-service").sign(ServiceToken.service("loyalty-service"), "customer-service");

        assertThatThrownBy(() -> verifier.verify(asGateway))
                .isInstanceOf(ServiceTokenVerifier.Rejected.class)
                .hasMessageContaining("signature");
        for (String jwt : new String[] {asAlice, withRoles, asPartner}) {
            assertThatThrownBy(() -> verifier.verify(jwt))
                    .isInstanceOf(ServiceTokenVerifier.Rejected.class)
                    .hasMessageContaining("only that service");
        }
        assertThatThrownBy(() -> verifier.verify(asLoyalty))
                .isInstanceOf(ServiceTokenVerifier.Rejected.class)
                .hasMessageContaining("not issued by");
    }

    @Test
    void aServiceTokenIsRefusedWhereThatServiceIsNotTrusted() {
        String jwt = engagementSigner("engagement-service")
                .sign(ServiceToken.service("engagement-service"), "loyalty-service");
        ServiceTokenVerifier gatewayOnly = new ServiceTokenVerifier(
                keys.getPublic(), "rapport-gateway", "loyalty-service", Duration.ofSeconds(60), Duration.ZERO);

        assertThatThrownBy(() -> gatewayOnly.verify(jwt)).isInstanceOf(ServiceTokenVerifier.Rejected.class);
    }

    @Test
    void aTrustedServiceMayNotShareTheGatewaysKeyOrName() {
        assertThatThrownBy(() -> new ServiceTokenVerifier(
                        keys.getPublic(),
                        "rapport-gateway",
                        Map.of("engagement-service", keys.getPublic()),
                        "customer-service",
                        Duration.ofSeconds(60),
                        Duration.ZERO))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ServiceTokenVerifier(
                        keys.getPublic(),
                        "rapport-gateway",
                        Map.of("rapport-gateway", engagementKeys.getPublic()),
                        "customer-service",
                        Duration.ofSeconds(60),
                        Duration.ZERO))
                .isInstanceOf(IllegalStateException.class);
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
            assertThatThrownBy(() -> verifier.verify(forged))
                    .isInstanceOf(ServiceTokenVerifier.Rejected.class)
                    .hasMessageContaining("signature");
            assertThatThrownBy(() -> verifier.verify(otherAudience)).isInstanceOf(ServiceTokenVerifier.Rejected.class);
        }
        assertThat(verifier.fullChecks()).isEqualTo(6);
    }
}
