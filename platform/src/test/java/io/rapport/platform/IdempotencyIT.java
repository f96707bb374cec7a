package io.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.platform.idempotency.IdempotencyCleanup;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyIT {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    IdempotencyCleanup cleanup;

    @Inject
    EntityManager em;

    @Test
    void theSameKeyAndBodyReplaysTheFirstAnswerAndCreatesOnce() {
        String key = "k-" + UUID.randomUUID();
        String title = "t-" + UUID.randomUUID();
        Response first = post(key, Map.of("title", title));
        first.then().statusCode(201).header("Idempotency-Replayed", nullValue());
        Response again = post(key, Map.of("title", title));
        again.then()
                .statusCode(201)
                .header("Idempotency-Replayed", equalTo("true"))
                .contentType(ContentType.JSON)
                .header("Location", equalTo(first.header("Location")));
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(count(title)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = "k-" + UUID.randomUUID();
        post(key, Map.of("title", "a-" + key)).then().statusCode(201);
        post(key, Map.of("title", "b-" + key))
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("https://rapport.dev/problems/idempotency-key-reused"));
        assertThat(count("b-" + key)).isZero();
    }

    @Test
    void malformedKeysAreRefusedWithoutEchoingThem() {
        String tooLong = "x".repeat(256);
        post(tooLong, Map.of("title", "long"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://rapport.dev/problems/invalid-idempotency-key"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        post(" ", Map.of("title", "blank")).then().statusCode(400).contentType(PROBLEM);
        post("x".repeat(255), Map.of("title", "longest-" + UUID.randomUUID()))
                .then()
                .statusCode(201);
        assertThat(count("long")).isZero();
    }

    @Test
    void keysBelongToTheCaller() {
        String key = "k-" + UUID.randomUUID();
        String title = "t-" + key;
        given().header("X-Rapport-Principal", "ann")
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("title", title))
                .post("/probe/tickets")
                .then()
                .statusCode(201);
        given().header("X-Rapport-Principal", "bob")
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("title", title))
                .post("/probe/tickets")
                .then()
                .statusCode(201)
                .header("Idempotency-Replayed", nullValue());
        assertThat(count(title)).isEqualTo(2);
    }

    @Test
    void aRefusedRequestIsNotStoredSoTheKeyCanBeSentAgain() {
        String key = "k-" + UUID.randomUUID();
        post(key, Map.of("title", "refuse-" + key))
                .then()
                .statusCode(422)
                .body("type", equalTo("https://rapport.dev/problems/refused"));
        post(key, Map.of("title", "fixed-" + key)).then().statusCode(201).header("Idempotency-Replayed", nullValue());
        assertThat(count("refuse-" + key)).isZero();
    }

    @Test
    void aCreateTheClientGaveUpOnIsReplayedToTheRetryNotDoneTwice() {
        String key = "k-" + UUID.randomUUID();
        String title = "slow-" + key;
        Map<String, Object> body = Map.of("title", title, "delayMillis", 2500);
        // the client (or the gateway, with its 504) stops waiting while the service is still at work
        RestAssuredConfig impatient = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 500)
                        .setParam("http.connection.timeout", 500));
        assertThatThrownBy(() -> given().config(impatient)
                        .header("Idempotency-Key", key)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/probe/tickets"))
                .isInstanceOf(Exception.class);
        // a retry while the first is still running is told to wait
        post(key, body)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .header("Retry-After", equalTo("1"))
                .body("type", equalTo("https://rapport.dev/problems/idempotency-in-progress"));
        // once the first completed (its transaction committed the ticket and its answer together), the retry replays it
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> post(key, body).statusCode() != 409);
        post(key, body)
                .then()
                .statusCode(201)
                .header("Idempotency-Replayed", equalTo("true"))
                .body("title", equalTo(title));
        assertThat(count(title)).isEqualTo(1);
    }

    @Test
    void expiredRecordsAreIgnoredAndCleanedUp() {
        String key = "k-" + UUID.randomUUID();
        String title = "exp-" + key;
        post(key, Map.of("title", title)).then().statusCode(201);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update rapport_idempotency set expires_at = now() - interval '1 second' where idem_key = ?1")
                        .setParameter(1, key)
                        .executeUpdate());
        post(key, Map.of("title", title)).then().statusCode(201).header("Idempotency-Replayed", nullValue());
        assertThat(count(title)).isEqualTo(2);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update rapport_idempotency set expires_at = now() - interval '1 second' where idem_key = ?1")
                        .setParameter(1, key)
                        .executeUpdate());
        assertThat(cleanup.cleanup()).isGreaterThanOrEqualTo(1);
        long left = QuarkusTransaction.requiringNew()
                .call(() -> ((Number)
                                em.createNativeQuery("select count(*) from rapport_idempotency where idem_key = ?1")
                                        .setParameter(1, key)
                                        .getSingleResult())
                        .longValue());
        assertThat(left).isZero();
    }

    @Test
    void postsWithoutAKeyAreUntouched() {
        String title = "nokey-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of("title", title))
                .post("/probe/tickets")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Map.of("title", title))
                .post("/probe/tickets")
                .then()
                .statusCode(201);
        assertThat(count(title)).isEqualTo(2);
    }

    private static Response post(String key, Map<String, ?> body) {
        return given().header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/probe/tickets");
    }

    private static long count(String title) {
        return Long.parseLong(given().queryParam("title", title)
                .get("/probe/tickets/count")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }
}
