package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.loyalty.partnerkeys.PartnerKeyFormat;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 17 #14: admins issue, list, rotate and revoke partner API keys; the key is shown once, only its hash kept. */
@QuarkusTest
class PartnerKeyIT {

    private static RequestSpecification admin() {
        return given().header("X-Rapport-Principal", "ada")
                .header("X-Rapport-Roles", "admin")
                .contentType(ContentType.JSON);
    }

    @Test
    void anAdminIssuesAKeyShownOnceThatVerifiesUntilItIsRevoked() {
        String partner = PartnerRedemptionIT.partner(Fixtures.programme(0, 0), "Hotel Adler", null, null);
        Map<String, Object> issued = admin().body("{}")
                .post("/api/v1/loyalty/partners/{p}/keys", partner)
                .then()
                .statusCode(201)
                .header(
                        "Location",
                        org.hamcrest.Matchers.containsString("/api/v1/loyalty/partners/" + partner + "/keys/"))
                .extract()
                .as(Map.class);
        String key = (String) issued.get("apiKey");
        Map<String, Object> view = (Map<String, Object>) issued.get("key");
        assertThat(key).startsWith("rpk_" + view.get("prefix") + "_");
        assertThat(view).containsEntry("status", "ACTIVE").containsEntry("createdBy", "ada (admin)");

        String listed = admin().get("/api/v1/loyalty/partners/{p}/keys", partner)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(listed).contains((String) view.get("prefix")).doesNotContain(key.substring(16));

        assertThat(verify(key)).containsEntry("partnerId", partner).containsEntry("status", "ACTIVE");

        admin().delete("/api/v1/loyalty/partners/{p}/keys/{k}", partner, view.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        assertThat(verify(key)).containsEntry("status", "REVOKED");
        List<Map<String, Object>> keys = admin().get("/api/v1/loyalty/partners/{p}/keys", partner)
                .then()
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(keys).singleElement().satisfies(k -> {
            assertThat(k).containsEntry("status", "REVOKED").containsEntry("revokedBy", "ada (admin)");
        });
    }

    @Test
    void rotatingIssuesANewKeyAndRevokesTheOldOne() {
        String partner = PartnerRedemptionIT.partner(Fixtures.programme(0, 0), "Travel Berg", null, null);
        Map<String, Object> first = admin().body("{\"scopes\":[\"partner:read\"]}")
                .post("/api/v1/loyalty/partners/{p}/keys", partner)
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
        String firstId = (String) ((Map<String, Object>) first.get("key")).get("id");
        Map<String, Object> second = admin().post("/api/v1/loyalty/partners/{p}/keys/{k}/rotate", partner, firstId)
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
        assertThat((Map<String, Object>) second.get("key"))
                .containsEntry("replaces", firstId)
                .containsEntry("scopes", List.of("partner:read"));
        assertThat(verify((String) first.get("apiKey"))).containsEntry("status", "REVOKED");
        assertThat(verify((String) second.get("apiKey"))).containsEntry("status", "ACTIVE");
        admin().post("/api/v1/loyalty/partners/{p}/keys/{k}/rotate", partner, firstId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void onlyAdminsManageKeysAndBadInputIsAProblem() {
        String partner = PartnerRedemptionIT.partner(Fixtures.programme(0, 0), "Shop Falk", null, null);
        given().header("X-Rapport-Principal", "mia")
                .header("X-Rapport-Roles", "marketing")
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/loyalty/partners/{p}/keys", partner)
                .then()
                .statusCode(403);
        admin().body("{\"scopes\":[\"root\"]}")
                .post("/api/v1/loyalty/partners/{p}/keys", partner)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        admin().body("{}")
                .post("/api/v1/loyalty/partners/{p}/keys", java.util.UUID.randomUUID())
                .then()
                .statusCode(404);
        admin().get("/api/v1/loyalty/internal/partner-keys/nope").then().statusCode(400);
        admin().get("/api/v1/loyalty/internal/partner-keys/" + "0".repeat(64))
                .then()
                .statusCode(404);
    }

    static Map<String, Object> verify(String key) {
        return admin().get("/api/v1/loyalty/internal/partner-keys/{h}", PartnerKeyFormat.sha256Hex(key))
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
    }
}
