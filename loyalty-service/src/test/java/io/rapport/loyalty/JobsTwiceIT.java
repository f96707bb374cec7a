package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.loyalty.expiry.ExpiryJob;
import io.rapport.loyalty.tier.TierEvaluationJob;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the expiry and tier jobs run on the platform's Jobs.drain; two runs at once (two replicas, or a timer and
 * an admin call) share the due members and never apply an expiry, a warning or a tier change twice.
 */
@QuarkusTest
class JobsTwiceIT {
    @Inject
    ExpiryJob expiry;

    @Inject
    TierEvaluationJob tiers;

    @Test
    void twoExpiryRunsAtOnceExpireAndWarnEachLotOnce() throws Exception {
        String programme = Fixtures.programme(0, 0);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String member =
                    (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id");
            Fixtures.adjust(member, 100);
            Fixtures.adjust(member, 20);
            members.add(member);
        }
        Instant expiresAt =
                Instant.now().atOffset(ZoneOffset.UTC).plusMonths(24).toInstant();

        List<Integer> warned = twice(() -> expiry.warnUntilDone(expiresAt.minus(10, ChronoUnit.DAYS)));
        assertThat(warned.get(0) + warned.get(1)).as("each member warned once").isGreaterThanOrEqualTo(6);
        assertThat(expiry.warnUntilDone(expiresAt.minus(9, ChronoUnit.DAYS))).isZero();

        twice(() -> expiry.expireUntilDone(expiresAt.plus(1, ChronoUnit.DAYS)));
        for (String member : members) {
            assertThat(Fixtures.balance(member)).isZero();
            assertThat(PurchaseEventsIT.ledger(member).stream()
                            .filter(e -> "EXPIRE".equals(e.get("kind")))
                            .map(e -> e.get("points"))
                            .toList())
                    .as("member %s", member)
                    .containsExactlyInAnyOrder(-100, -20);
        }
    }

    @Test
    void twoTierRunsAtOnceDowngradeOnce() throws Exception {
        String programme = Fixtures.programme(0, 0);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID customer = UUID.randomUUID();
            String member = (String) Fixtures.enrol(programme, customer).get("id");
            UUID purchase = UUID.randomUUID();
            CustomerEventsProducer.send(
                    CustomerEvents.PURCHASE_RECORDED,
                    customer.toString(),
                    CustomerEventsProducer.purchase(purchase, customer, "EUR", "2500.00"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "GOLD".equals(Fixtures.tier(member)));
            CustomerEventsProducer.send(
                    CustomerEvents.PURCHASE_REFUNDED,
                    customer.toString(),
                    CustomerEventsProducer.refund(purchase, customer, "EUR", "2500.00"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.balance(member) == 0);
            members.add(member);
        }
        Instant periodEnd = periodEnd(members.get(members.size() - 1));

        twice(() -> tiers.runUntilDone(periodEnd.plusSeconds(1)));
        for (String member : members) {
            assertThat(Fixtures.tier(member)).isEqualTo("SILVER");
            List<Map<String, Object>> history = given().get("/api/v1/loyalty/members/{id}/tier-history", member)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("$");
            assertThat(history).extracting(h -> h.get("direction")).containsExactly("START", "UP", "DOWN");
            assertThat(periodEnd(member)).isAfter(periodEnd);
        }
    }

    private static Instant periodEnd(String member) {
        return Instant.parse(given().get("/api/v1/loyalty/members/{id}", member)
                .then()
                .statusCode(200)
                .extract()
                .path("periodEnd"));
    }

    /** Runs {@code run} on two threads released at the same moment; their results. */
    private static List<Integer> twice(Callable<Integer> run) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return run.call();
                }));
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : runs) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
