package io.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemMappersIT {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void invalidFieldsAreNamed() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"email\":\"nope\",\"quantity\":0}")
                .post("/probe/things")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://rapport.dev/problems/validation"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("quantity"));
    }

    @Test
    void malformedJsonUnknownFieldsAndWrongTypesAre400() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":")
                .post("/probe/things")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", containsString("malformed-json"))
                .body(not(containsString("at ")));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"a\",\"quantity\":1,\"colour\":\"red\"}")
                .post("/probe/things")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("colour"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"a\",\"quantity\":\"many\"}")
                .post("/probe/things")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("quantity"));
    }

    @Test
    void wrongMediaTypeIs415AndUnknownPathIs404() {
        given().contentType(ContentType.TEXT)
                .body("name=a")
                .post("/probe/things")
                .then()
                .statusCode(415)
                .contentType(PROBLEM);
        given().get("/probe/nothing-here").then().statusCode(404).contentType(PROBLEM);
        given().get("/probe/things/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("detail", containsString("does not exist"));
    }

    @Test
    void unreadableQueryParametersAre400NamingThem() {
        given().queryParam("colour", "GREEN")
                .queryParam("owner", "8d3f1c2a-0000-4000-8000-000000000001")
                .queryParam("since", "2026-01-31T09:00:00Z")
                .get("/probe/colours/RED")
                .then()
                .statusCode(200)
                .body("colour", equalTo("GREEN"))
                .body("pathColour", equalTo("RED"))
                .body("owner", equalTo("8d3f1c2a-0000-4000-8000-000000000001"));
        given().queryParam("colour", "PURPLE")
                .get("/probe/colours/RED")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("colour"))
                .body("detail", containsString("[RED, GREEN]"));
        given().queryParam("owner", "not-a-uuid")
                .get("/probe/colours/RED")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("owner"));
        given().queryParam("since", "yesterday")
                .get("/probe/colours/RED")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("since"));
    }

    @Test
    void anUnreadableEnumOrUuidInThePathIs400NamingTheParameterWithoutItsValue() {
        given().get("/probe/colours/PURPLE")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://rapport.dev/problems/invalid-path-parameter"))
                .body("errors[0].field", equalTo("colour"))
                .body(not(containsString("PURPLE")));
        given().get("/probe/things/ann@example.org")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://rapport.dev/problems/invalid-path-parameter"))
                .body("errors[0].field", equalTo("id"))
                .body(not(containsString("ann@example")));
    }

    @Test
    void unknownQueryParametersAre400NamingThemButNotTheirValues() {
        given().queryParam("colour", "GREEN")
                .queryParam("q", "ann@example.org")
                .queryParam("bogus", "1")
                .get("/probe/colours/RED")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://rapport.dev/problems/unknown-query-parameter"))
                .body("errors.field", org.hamcrest.Matchers.contains("bogus", "q"))
                .body("detail", containsString("bogus, q"))
                .body("detail", containsString("colour, owner, since"))
                .body(not(containsString("ann@example")));
        given().queryParam("nope", "x")
                .get("/probe/things/{id}", UUID.randomUUID())
                .then()
                .statusCode(400)
                .body("detail", containsString("takes no query parameters"));
        given().queryParam("anything", "goes")
                .get("/probe/free-form")
                .then()
                .statusCode(200)
                .body(equalTo("anything"));
    }

    @Test
    void staleIfMatchIs412AndCurrentOneIsAccepted() {
        String body = "{\"name\":\"a\",\"quantity\":1}";
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body(body)
                .put("/probe/things/{id}", UUID.randomUUID())
                .then()
                .statusCode(412)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"3\"")
                .body(body)
                .put("/probe/things/{id}", UUID.randomUUID())
                .then()
                .statusCode(200);
    }

    @Test
    void oversizedBodyIs413() {
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"quantity\":1}";
        given().contentType(ContentType.JSON)
                .body(big)
                .post("/probe/things")
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("type", containsString("payload-too-large"));
    }

    @Test
    void healthIncludesTheDatabaseAndMetricsShowTheOutbox() {
        int management = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.management.test-port", Integer.class);
        given().port(management).get("/q/health/ready").then().statusCode(200).body(containsString("\"database\""));
        given().port(management)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("rapport_outbox_backlog"));
    }
}
