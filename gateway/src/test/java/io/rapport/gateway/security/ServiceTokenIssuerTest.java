package io.rapport.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.gateway.domain.Caller;
import io.rapport.gateway.support.MovableClock;
import io.rapport.platform.identity.ServiceToken;
import io.rapport.platform.identity.ServiceTokenSigner;
import io.rapport.platform.identity.ServiceTokenVerifier;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServiceTokenIssuerTest {
    private static final String ISSUER = "rapport-gateway-test";
    private static final Caller ALICE = Caller.user("alice", Set.of("admin"));
    private static KeyPair keys;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T12:00:00Z"));
    /** Background signatures wait here until the test runs them. */
    private final Deque<Runnable> background = new ArrayDeque<>();

    @BeforeAll
    static void keyPair() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    private ServiceTokenIssuer issuer(Duration lifetime) {
        return new ServiceTokenIssuer(
                new ServiceTokenSigner(keys.getPrivate(), ISSUER, lifetime), clock, background::add);
    }

    @Test
    void aSixtySecondTokenIsReusedUntilTwelveSecondsBeforeItExpires() {
        ServiceTokenIssuer issuer = issuer(Duration.ofSeconds(60));
        String first = issuer.tokenFor(ALICE, "customer-service");
        clock.advance(Duration.ofSeconds(47));
        assertThat(issuer.tokenFor(ALICE, "customer-service")).isEqualTo(first);
        clock.advance(Duration.ofSeconds(1));
        assertThat(issuer.tokenFor(ALICE, "customer-service")).isNotEqualTo(first);
    }

    @Test
    void fromFortySecondsOnTheNextTokenIsSignedOnceInTheBackgroundWhileTheCurrentOneIsStillSent() {
        ServiceTokenIssuer issuer = issuer(Duration.ofSeconds(60));
        String first = issuer.tokenFor(ALICE, "customer-service");
        clock.advance(Duration.ofSeconds(39));
        assertThat(issuer.tokenFor(ALICE, "customer-service")).isEqualTo(first);
        assertThat(background).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(issuer.tokenFor(ALICE, "customer-service")).isEqualTo(first);
        assertThat(issuer.tokenFor(ALICE, "customer-service")).isEqualTo(first);
        assertThat(background).hasSize(1);
        background.poll().run();
        String next = issuer.tokenFor(ALICE, "customer-service");
        assertThat(next).isNotEqualTo(first);
        clock.advance(Duration.ofSeconds(39));
        assertThat(issuer.tokenFor(ALICE, "customer-service")).isEqualTo(next);
        assertThat(background).isEmpty();
    }

    @Test
    void aFiveMinuteTokenIsReusedForFourMinutes() {
        ServiceTokenIssuer issuer = issuer(Duration.ofMinutes(5));
        String first = issuer.tokenFor(ALICE, "loyalty-service");
        clock.advance(Duration.ofSeconds(239));
        assertThat(issuer.tokenFor(ALICE, "loyalty-service")).isEqualTo(first);
        clock.advance(Duration.ofSeconds(1));
        assertThat(issuer.tokenFor(ALICE, "loyalty-service")).isNotEqualTo(first);
    }

    @Test
    void theRefreshMarginIsAFifthOfTheLifetimeAndAtLeastTenSeconds() {
        assertThat(ServiceTokenIssuer.refreshMargin(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(12));
        assertThat(ServiceTokenIssuer.refreshMargin(Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(1));
        assertThat(ServiceTokenIssuer.refreshMargin(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void eachCallerAndServiceHasItsOwnToken() {
        ServiceTokenIssuer issuer = issuer(Duration.ofSeconds(60));
        String alice = issuer.tokenFor(ALICE, "customer-service");
        assertThat(issuer.tokenFor(ALICE, "loyalty-service")).isNotEqualTo(alice);
        assertThat(issuer.tokenFor(Caller.user("bob", Set.of("admin")), "customer-service"))
                .isNotEqualTo(alice);
        assertThat(issuer.tokenFor(Caller.user("alice", Set.of("sales")), "customer-service"))
                .isNotEqualTo(alice);
    }

    @Test
    void aReusedTokenIsAcceptedByTheServicesVerifier() throws ServiceTokenVerifier.Rejected {
        ServiceTokenIssuer issuer = issuer(Duration.ofSeconds(60));
        String first = issuer.tokenFor(ALICE, "customer-service");
        clock.advance(Duration.ofSeconds(40));
        String reused = issuer.tokenFor(ALICE, "customer-service");
        ServiceTokenVerifier verifier = new ServiceTokenVerifier(
                keys.getPublic(), ISSUER, "customer-service", Duration.ofSeconds(60), Duration.ofSeconds(10));
        ServiceToken token = verifier.verify(reused);
        assertThat(reused).isEqualTo(first);
        assertThat(token.subject()).isEqualTo("alice");
        assertThat(token.roles()).containsExactly("admin");
    }
}
