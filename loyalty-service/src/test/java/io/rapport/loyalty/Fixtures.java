package io.rapport.loyalty;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;

/** Creates programmes and members through the HTTP API. */
public final class Fixtures {
    private Fixtures() {}

    /** A EUR club: 1 point per euro, SILVER from 0, GOLD from 2000 points earned or class ABC:A; expiry 24 months. */
    public static String programme(long referrerPoints, long newcomerPoints) {
        String code = "C"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        String body = """
                {"code":"%s","name":"Club %s","currency":"EUR",
                 "rules":{"pointsPerUnit":"1","qualificationBasis":"POINTS_EARNED","qualificationMonths":12,"expiryMonths":24,
                          "expiryWarningDays":30,"referrerPoints":%d,"newcomerPoints":%d,"autoEnrol":null},
                 "tiers":[{"code":"SILVER","name":"Silver","threshold":"0","multiplier":"1"},
                          {"code":"GOLD","name":"Gold","threshold":"2000","multiplier":"1.5","segmentClasses":["ABC:A"]}]}
                """.formatted(code, code, referrerPoints, newcomerPoints);
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/loyalty/programmes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static Map<String, Object> enrol(String programmeId, UUID customerId) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customerId.toString()))
                .post("/api/v1/loyalty/programmes/{p}/members", programmeId)
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }

    public static long balance(String memberId) {
        return given().get("/api/v1/loyalty/members/{id}", memberId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("pointsBalance");
    }

    public static String tier(String memberId) {
        return given().get("/api/v1/loyalty/members/{id}", memberId)
                .then()
                .statusCode(200)
                .extract()
                .path("tier");
    }

    public static void adjust(String memberId, long points) {
        given().contentType(ContentType.JSON)
                .body(Map.of("points", points, "reason", "test set-up"))
                .post("/api/v1/loyalty/members/{id}/adjustments", memberId)
                .then()
                .statusCode(201);
    }
}
