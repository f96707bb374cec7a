package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Programme rule changes and points adjustments are in loyalty's audit trail with who made them, before and after. */
@QuarkusTest
class ProgrammeAuditIT {

    @Test
    void ruleChangesAndAdjustmentsAreAudited() {
        String programme = Fixtures.programme(0, 0);
        String member =
                (String) Fixtures.enrol(programme, java.util.UUID.randomUUID()).get("id");
        String mia = "mia-" + System.nanoTime();
        String rules = """
                {"name":"Audited club","rules":{"pointsPerUnit":"2","qualificationBasis":"POINTS_EARNED","qualificationMonths":12,
                 "expiryMonths":24,"expiryWarningDays":30,"referrerPoints":0,"newcomerPoints":0}}""";
        given().contentType(ContentType.JSON)
                .header("X-Rapport-Principal", mia)
                .header("X-Rapport-Roles", "marketing")
                .body(rules)
                .put("/api/v1/loyalty/programmes/{id}/rules", programme)
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .header("X-Rapport-Principal", mia)
                .header("X-Rapport-Roles", "marketing")
                .body("{\"points\":-0,\"reason\":\"nothing\"}")
                .post("/api/v1/loyalty/members/{id}/adjustments", member)
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .header("X-Rapport-Principal", mia)
                .header("X-Rapport-Roles", "marketing")
                .body("{\"points\":25,\"reason\":\"goodwill\"}")
                .post("/api/v1/loyalty/members/{id}/adjustments", member)
                .then()
                .statusCode(201);

        given().header("X-Rapport-Principal", "ada")
                .header("X-Rapport-Roles", "admin")
                .queryParam("actor", mia)
                .get("/api/v1/loyalty/audit")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].entity", equalTo("member-points"))
                .body("items[0].action", equalTo("ADJUST"))
                .body("items[0].entityId", equalTo(member))
                .body("items[0].before.pointsBalance", equalTo(0))
                .body("items[0].after.pointsBalance", equalTo(25))
                .body("items[0].after.reason", equalTo("goodwill"))
                .body("items[1].entity", equalTo("programme"))
                .body("items[1].action", equalTo("UPDATE"))
                .body("items[1].entityId", equalTo(programme))
                .body("items[1].after.name", equalTo("Audited club"))
                .body("items[1].after.pointsPerUnit", org.hamcrest.Matchers.notNullValue())
                .body("items[1].actorRoles[0]", equalTo("marketing"));
    }
}
