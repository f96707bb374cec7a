package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The balance is never negative, also when many redemptions race for it. */
@QuarkusTest
class ConcurrentRedemptionIT {

    @Test
    void fiftyConcurrentRedemptionsNeverOverdrawTheBalance() throws Exception {
        String programme = Fixtures.programme(0, 0);
        String member = (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id");
        Fixtures.adjust(member, 1000);

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Callable<Integer> redeem = () -> {
                start.await();
                return given().contentType(ContentType.JSON)
                        .body(Map.of("points", 30, "reason", "race"))
                        .post("/api/v1/loyalty/members/{id}/redemptions", member)
                        .then()
                        .extract()
                        .statusCode();
            };
            results.add(pool.submit(redeem));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 422);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(33);
        assertThat(Fixtures.balance(member)).isEqualTo(10);
        List<Map<String, Object>> entries = PurchaseEventsIT.ledger(member);
        assertThat(entries.stream()
                        .mapToLong(e -> ((Number) e.get("points")).longValue())
                        .sum())
                .isEqualTo(10);
    }

    @Test
    void redeemingMoreThanTheBalanceIs422AndChangesNothing() {
        String programme = Fixtures.programme(0, 0);
        String member = (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id");
        Fixtures.adjust(member, 100);
        given().contentType(ContentType.JSON)
                .body(Map.of("points", 101, "reason", "too much"))
                .post("/api/v1/loyalty/members/{id}/redemptions", member)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of("points", -5, "reason", "negative"))
                .post("/api/v1/loyalty/members/{id}/redemptions", member)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of("points", 5, "reason", "nobody"))
                .post("/api/v1/loyalty/members/{id}/redemptions", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(Fixtures.balance(member)).isEqualTo(100);
        assertThat(PurchaseEventsIT.ledger(member)).hasSize(1);
    }

    @Test
    void aReplayedIdempotencyKeyRedeemsOnce() {
        String programme = Fixtures.programme(0, 0);
        String member = (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id");
        Fixtures.adjust(member, 100);
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of("points", 40, "reason", "once"))
                .post("/api/v1/loyalty/members/{id}/redemptions", member)
                .then()
                .statusCode(201)
                .extract()
                .path("entry.id");
        String again = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of("points", 40, "reason", "once"))
                .post("/api/v1/loyalty/members/{id}/redemptions", member)
                .then()
                .statusCode(200)
                .extract()
                .path("entry.id");
        assertThat(again).isEqualTo(first);
        assertThat(Fixtures.balance(member)).isEqualTo(60);
    }
}
