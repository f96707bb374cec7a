package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, finding 7: an Idempotency-Key belongs to the member it was sent for, so two callers who happen to pick the
 * same key for different members each get their own booking; a replay with another body is refused, not answered
 * with the first result.
 */
@QuarkusTest
class IdempotencyScopeIT {

    @Test
    void theSameKeyForTwoMembersBooksTwiceEachForItsOwnMember() {
        String programme = Fixtures.programme(0, 0);
        String ann = (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id");
        String bob = (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id");
        Fixtures.adjust(ann, 100);
        Fixtures.adjust(bob, 100);
        String key = "till-7-" + UUID.randomUUID();

        redeem(ann, key, 30, "coffee")
                .then()
                .statusCode(201)
                .body("entry.memberId", equalTo(ann))
                .body("balance", equalTo(70));
        redeem(bob, key, 20, "cake")
                .then()
                .statusCode(201)
                .body("entry.memberId", equalTo(bob))
                .body("balance", equalTo(80));
        assertThat(Fixtures.balance(ann)).isEqualTo(70);
        assertThat(Fixtures.balance(bob)).isEqualTo(80);
    }

    @Test
    void aReplayReturnsTheFirstResultAndAnotherBodyWithTheSameKeyIsAConflict() {
        String programme = Fixtures.programme(0, 0);
        String ann = (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id");
        Fixtures.adjust(ann, 100);
        String key = "k-" + UUID.randomUUID();

        String first =
                redeem(ann, key, 30, "coffee").then().statusCode(201).extract().path("entry.id");
        redeem(ann, key, 30, "coffee").then().statusCode(200).body("entry.id", equalTo(first));
        redeem(ann, key, 31, "coffee")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/idempotency-key-reused"));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of("points", 30, "reason", "coffee"))
                .post("/api/v1/loyalty/members/{id}/adjustments", ann)
                .then()
                .statusCode(201);
        assertThat(Fixtures.balance(ann)).isEqualTo(100);
    }

    @Test
    void rewardRedemptionKeysAreScopedToTheMemberToo() {
        String programme = Fixtures.programme(0, 0);
        String ann = (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id");
        String bob = (String) Fixtures.enrol(programme, UUID.randomUUID()).get("id");
        Fixtures.adjust(ann, 100);
        Fixtures.adjust(bob, 100);
        String reward = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Mug", "pointsCost", 40))
                .post("/api/v1/loyalty/programmes/{p}/rewards", programme)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String key = "r-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of("memberId", ann))
                .post("/api/v1/loyalty/rewards/{id}/redemptions", reward)
                .then()
                .statusCode(201)
                .body("memberId", equalTo(ann));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of("memberId", bob))
                .post("/api/v1/loyalty/rewards/{id}/redemptions", reward)
                .then()
                .statusCode(201)
                .body("memberId", equalTo(bob));
        assertThat(Fixtures.balance(ann)).isEqualTo(60);
        assertThat(Fixtures.balance(bob)).isEqualTo(60);
    }

    static io.restassured.response.Response redeem(String member, String key, long points, String reason) {
        return given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of("points", points, "reason", reason))
                .post("/api/v1/loyalty/members/{id}/redemptions", member);
    }
}
