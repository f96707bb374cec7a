package io.rapport.loyalty.webhook;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Every webhook route x role: only partners (their own objects, see WebhookIT) and admins. Users of every other role,
 * and a partner id loyalty does not know, are refused with a problem before anything happens.
 */
@QuarkusTest
class WebhookAuthorizationIT {
    static final String S = "/api/v1/webhooks/subscriptions/";

    record Route(String method, String path) {}

    static List<Route> routes() {
        String id = UUID.randomUUID().toString();
        String d = UUID.randomUUID().toString();
        return List.of(
                new Route("GET", "/api/v1/webhooks/event-types"),
                new Route("POST", S),
                new Route("GET", S),
                new Route("GET", S + id),
                new Route("PATCH", S + id),
                new Route("DELETE", S + id),
                new Route("POST", S + id + "/rotate-secret"),
                new Route("POST", S + id + "/ping"),
                new Route("GET", S + id + "/deliveries"),
                new Route("GET", S + id + "/deliveries/" + d),
                new Route("POST", S + id + "/deliveries/" + d + "/redeliver"),
                new Route("POST", S + id + "/redeliver"));
    }

    @Test
    void usersOfOtherRolesAndUnknownPartnersAreRefusedOnEveryRoute() {
        for (Route r : routes()) {
            for (String role : List.of("sales", "marketing", "support", "data-steward")) {
                given().header("X-Rapport-Principal", "u")
                        .header("X-Rapport-Roles", role)
                        .contentType(ContentType.JSON)
                        .body("{}")
                        .request(r.method(), r.path())
                        .then()
                        .statusCode(403)
                        .contentType("application/problem+json");
            }
            given().header("X-Rapport-Partner-Id", UUID.randomUUID().toString())
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .request(r.method(), r.path())
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            given().contentType(ContentType.JSON)
                    .body("{}")
                    .request(r.method(), r.path())
                    .then()
                    .statusCode(Matchers.not(Matchers.isOneOf(401, 403, 500)));
        }
    }
}
