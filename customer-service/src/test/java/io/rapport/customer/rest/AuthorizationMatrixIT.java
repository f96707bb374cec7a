package io.rapport.customer.rest;

import static io.rapport.customer.rest.Api.json;
import static io.rapport.customer.rest.Api.uniqueEmail;
import static io.rapport.customer.rest.Api.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.devstack.auth.ServiceTokenTestFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every customer-service route x role x own/other customer, as documented in the README's "Security model":
 * customers are readable by sales, support and data-steward; sales acts only on customers it owns; merge,
 * erasure, bulk import and dormancy runs need data-steward; admin does everything; marketing reads no customers.
 * A refused call is 403 problem+json; an allowed one is anything but 401/403/5xx (the route then validates as usual).
 */
@QuarkusTest
class AuthorizationMatrixIT {
    /** Who may call a route. */
    enum Rule {
        READ,
        CREATE,
        OWNER,
        OWNER_OR_STEWARD,
        STEWARD
    }

    /** A caller: its name, its role, and whether it owns the target customer. */
    enum Who {
        ADMIN("root", "admin", false),
        SALES_OWNER("alice", "sales", true),
        SALES_OTHER("bob", "sales", false),
        SUPPORT("sam", "support", false),
        MARKETING("mia", "marketing", false),
        STEWARD("dora", "data-steward", false);

        final String name;
        final String role;
        final boolean owner;

        Who(String name, String role, boolean owner) {
            this.name = name;
            this.role = role;
            this.owner = owner;
        }

        boolean allowed(Rule rule) {
            if (role.equals("admin")) {
                return true;
            }
            return switch (rule) {
                case READ -> !role.equals("marketing");
                case CREATE -> role.equals("sales");
                case OWNER -> owner;
                case OWNER_OR_STEWARD -> owner || role.equals("data-steward");
                case STEWARD -> role.equals("data-steward");
            };
        }
    }

    record Route(String method, String path, Rule rule, String contentType, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final String NO_OWNER_PERSON = """
            {"kind":"CONSUMER","givenName":"Ada","familyName":"Lovelace","emails":[{"value":"%s"}]}""";

    static List<Route> routes() {
        String json = "application/json";
        String nd = "application/x-ndjson";
        return List.of(
                new Route("POST", "/api/v1/customers", Rule.CREATE, json, "NEW_PERSON"),
                new Route("GET", "/api/v1/customers/{id}", Rule.READ, null, null),
                new Route("PUT", "/api/v1/customers/{id}", Rule.OWNER, json, "NEW_PERSON"),
                new Route("GET", "/api/v1/customers?name=Ada", Rule.READ, null, null),
                new Route("GET", "/api/v1/customers/stale", Rule.READ, null, null),
                new Route("POST", "/api/v1/customers/{id}/verify", Rule.OWNER_OR_STEWARD, null, null),
                new Route(
                        "POST", "/api/v1/customers/{id}/archive", Rule.OWNER_OR_STEWARD, json, "{\"reason\":\"test\"}"),
                new Route("GET", "/api/v1/customers/{id}/consents", Rule.READ, null, null),
                new Route(
                        "PUT",
                        "/api/v1/customers/{id}/consents/EMAIL",
                        Rule.OWNER,
                        json,
                        "{\"granted\":true,\"source\":\"web\"}"),
                new Route(
                        "PUT",
                        "/api/v1/customers/{id}/do-not-contact",
                        Rule.OWNER,
                        json,
                        "{\"doNotContact\":true,\"source\":\"phone\"}"),
                new Route("GET", "/api/v1/customers/lookup?email=nobody@example.org", Rule.READ, null, null),
                new Route(
                        "POST",
                        "/api/v1/customers/{id}/merge",
                        Rule.STEWARD,
                        json,
                        "{\"mergedId\":\"" + UUID.randomUUID() + "\",\"reason\":\"same\"}"),
                new Route("POST", "/api/v1/customers/{id}/erasure", Rule.STEWARD, null, null),
                new Route("POST", "/api/v1/customers/hygiene/dormancy-runs", Rule.STEWARD, null, null),
                new Route("GET", "/api/v1/customers/duplicates/suggestions", Rule.STEWARD, null, null),
                new Route(
                        "POST",
                        "/api/v1/customers/duplicates/suggestions/" + UUID.randomUUID() + "/dismiss",
                        Rule.STEWARD,
                        null,
                        null),
                new Route(
                        "POST",
                        "/api/v1/customers/duplicates/suggestions/" + UUID.randomUUID() + "/accept",
                        Rule.STEWARD,
                        json,
                        "{}"),
                new Route("POST", "/api/v1/customers/import", Rule.STEWARD, nd, ""),
                new Route("POST", "/api/v1/customers/import/purchases", Rule.STEWARD, nd, ""),
                new Route("GET", "/api/v1/customers/{id}/preferences", Rule.READ, null, null),
                new Route("GET", "/api/v1/customers/{id}/preferences/history", Rule.READ, null, null),
                new Route(
                        "PUT", "/api/v1/customers/{id}/preferences/pillow/size", Rule.OWNER, json, "{\"value\":\"L\"}"),
                new Route("DELETE", "/api/v1/customers/{id}/preferences/pillow/size", Rule.OWNER, null, null),
                new Route("GET", "/api/v1/customers/preferences?category=pillow&key=size", Rule.READ, null, null),
                new Route("POST", "/api/v1/customers/{id}/purchases", Rule.OWNER, json, "PURCHASE"),
                new Route("GET", "/api/v1/customers/{id}/purchases", Rule.READ, null, null),
                new Route("GET", "/api/v1/customers/{id}/purchases/" + UUID.randomUUID(), Rule.READ, null, null),
                new Route(
                        "POST",
                        "/api/v1/customers/{id}/purchases/" + UUID.randomUUID() + "/refunds",
                        Rule.OWNER,
                        json,
                        "{\"wholeOrder\":true}"),
                new Route(
                        "POST",
                        "/api/v1/customers/{id}/costs",
                        Rule.OWNER,
                        json,
                        "{\"type\":\"SERVICE_CALL\",\"amount\":\"18.50\",\"currency\":\"EUR\"}"),
                new Route("GET", "/api/v1/customers/{id}/costs", Rule.READ, null, null));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Route route : routes()) {
            for (Who who : Who.values()) {
                cases.add(Arguments.of(route, who));
            }
        }
        return cases.stream();
    }

    static RequestSpecification as(String name, String role) {
        return given().header("X-Rapport-Principal", name).header("X-Rapport-Roles", role);
    }

    /** A customer entered by sales rep alice, so alice owns it. */
    static String aliceCustomer() {
        return as("alice", "sales")
                .contentType(ContentType.JSON)
                .body(NO_OWNER_PERSON.formatted(uniqueEmail()))
                .post("/api/v1/customers")
                .then()
                .statusCode(201)
                .body("ownerId", equalTo("alice"))
                .extract()
                .path("id");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyRouteEveryRoleOwnAndOther(Route route, Who who) {
        String id = aliceCustomer();
        // the content type a client of the route sends (415 comes before the access rule, as for any client)
        RequestSpecification request =
                as(who.name, who.role).contentType(ContentType.JSON).accept(ContentType.JSON);
        if (route.contentType() != null) {
            String body = switch (route.body()) {
                case "NEW_PERSON" -> NO_OWNER_PERSON.formatted(uniqueEmail());
                case "PURCHASE" -> Api.purchase("o-" + UUID.randomUUID(), 1, "10.00");
                default -> route.body();
            };
            request = request.contentType(route.contentType())
                    .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Response response = request.request(route.method(), route.path().replace("{id}", id));
        if (who.allowed(route.rule())) {
            assertThat(response.statusCode())
                    .as("%s as %s: %s", route, who, response.asString())
                    .isNotIn(401, 403)
                    .isLessThan(500);
        } else {
            assertThat(response.statusCode()).as("%s as %s", route, who).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void salesMayNotEraseMergeOrImportEvenItsOwnCustomers() {
        String id = aliceCustomer();
        String other = aliceCustomer();
        as("alice", "sales")
                .contentType(ContentType.JSON)
                .post("/api/v1/customers/{id}/erasure", id)
                .then()
                .statusCode(403);
        as("alice", "sales")
                .contentType(ContentType.JSON)
                .body("{\"mergedId\":\"" + other + "\",\"reason\":\"same\"}")
                .post("/api/v1/customers/{id}/merge", id)
                .then()
                .statusCode(403);
        as("alice", "sales")
                .contentType("application/x-ndjson")
                .body("{\"kind\":\"CONSUMER\",\"givenName\":\"Imp\",\"familyName\":\"Orted\"}\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/customers/import")
                .then()
                .statusCode(403);
        // still there, unmerged
        json().get("/api/v1/customers/{id}", id).then().statusCode(200).body("status", equalTo("ACTIVE"));
        json().get("/api/v1/customers/{id}", other).then().statusCode(200).body("status", equalTo("ACTIVE"));
        // the data steward may
        as("dora", "data-steward")
                .contentType(ContentType.JSON)
                .post("/api/v1/customers/{id}/erasure", id)
                .then()
                .statusCode(204);
    }

    @Test
    void anotherRepCannotChangeACustomerItDoesNotOwn() {
        String id = aliceCustomer();
        as("bob", "sales")
                .contentType(ContentType.JSON)
                .body(NO_OWNER_PERSON.formatted(uniqueEmail()))
                .put("/api/v1/customers/{id}", id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("owns"));
        as("bob", "sales")
                .get("/api/v1/customers/{id}", id)
                .then()
                .statusCode(200)
                .body("givenName", equalTo("Ada"));
    }

    @Test
    void ownerIdIsReadOnlyForSales() {
        // a rep cannot enter a customer for someone else, nor hand its own to someone else
        as("alice", "sales")
                .contentType(ContentType.JSON)
                .body(Api.person(uniqueEmail(), uniquePhone()))
                .post("/api/v1/customers")
                .then()
                .statusCode(403)
                .body("detail", containsString("ownerId"));
        String id = aliceCustomer();
        String takeOver = """
                {"kind":"CONSUMER","givenName":"Ada","familyName":"Lovelace","ownerId":"alice","emails":[{"value":"%s"}]}""".formatted(uniqueEmail());
        as("alice", "sales")
                .contentType(ContentType.JSON)
                .body(takeOver.replace("\"alice\"", "\"bob\""))
                .put("/api/v1/customers/{id}", id)
                .then()
                .statusCode(403);
        // naming itself, or leaving it out, keeps alice as the owner
        as("alice", "sales")
                .contentType(ContentType.JSON)
                .body(takeOver)
                .put("/api/v1/customers/{id}", id)
                .then()
                .statusCode(200)
                .body("ownerId", equalTo("alice"));
        as("alice", "sales")
                .contentType(ContentType.JSON)
                .body(NO_OWNER_PERSON.formatted(uniqueEmail()))
                .put("/api/v1/customers/{id}", id)
                .then()
                .statusCode(200)
                .body("ownerId", equalTo("alice"));
        // admin hands the customer to bob, who may then change it while alice no longer may
        as("root", "admin")
                .contentType(ContentType.JSON)
                .body(takeOver.replace("\"alice\"", "\"bob\""))
                .put("/api/v1/customers/{id}", id)
                .then()
                .statusCode(200)
                .body("ownerId", equalTo("bob"));
        as("bob", "sales")
                .contentType(ContentType.JSON)
                .body("{\"doNotContact\":true,\"source\":\"phone\"}")
                .put("/api/v1/customers/{id}/do-not-contact", id)
                .then()
                .statusCode(200);
        as("alice", "sales")
                .contentType(ContentType.JSON)
                .body("{\"doNotContact\":false,\"source\":\"phone\"}")
                .put("/api/v1/customers/{id}/do-not-contact", id)
                .then()
                .statusCode(403);
    }

    @Test
    void forgedIdentityHeadersStraightToTheServicePortAre401() {
        String id = aliceCustomer();
        given().header(ServiceTokenTestFilter.RAW, "1")
                .header("X-Rapport-Principal", "mallory")
                .header("X-Rapport-Roles", "admin")
                .contentType(ContentType.JSON)
                .post("/api/v1/customers/{id}/erasure", id)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header(ServiceTokenTestFilter.RAW, "1")
                .get("/api/v1/customers/{id}", id)
                .then()
                .statusCode(401);
        json().get("/api/v1/customers/{id}", id).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void serverKeptFieldsInABodyAreRefused() {
        for (String field : List.of(
                "\"status\":\"ERASED\"",
                "\"version\":7",
                "\"id\":\"" + UUID.randomUUID() + "\"",
                "\"createdAt\":\"2020-01-01T00:00:00Z\"")) {
            as("alice", "sales")
                    .contentType(ContentType.JSON)
                    .body("{\"kind\":\"CONSUMER\",\"givenName\":\"Ada\"," + field + "}")
                    .post("/api/v1/customers")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
