package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.devstack.auth.ServiceTokenTestFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every engagement-service route x role x own/other object, as documented in the README's "Security model": sales
 * reads and acts only on its own agenda, the contacts assigned to it and the complaints of its customers (assigned
 * to it); support handles every complaint; marketing runs campaigns, plans and settings; admin does everything.
 * A refused call is 403 problem+json; an allowed one is anything but 401/403/5xx.
 */
@QuarkusTest
class AuthorizationMatrixIT {
    enum Rule {
        CREATE_SALES,
        CREATE_SALES_SUPPORT,
        CONTACT_READ,
        OWNER,
        AGENDA,
        SUPPORT_OR_OWNER,
        QUEUE,
        READ,
        MARKETING
    }

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
            boolean sales = role.equals("sales");
            boolean support = role.equals("support");
            boolean marketing = role.equals("marketing");
            if (role.equals("admin")) {
                return true;
            }
            return switch (rule) {
                case CREATE_SALES -> sales;
                case CREATE_SALES_SUPPORT -> sales || support;
                case CONTACT_READ -> support || marketing || owner;
                case OWNER, AGENDA -> owner;
                case SUPPORT_OR_OWNER -> support || owner;
                case QUEUE -> support || sales;
                case READ -> sales || support || marketing;
                case MARKETING -> marketing;
            };
        }
    }

    record Route(String method, String path, Rule rule, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String E = "/api/v1/engagement";

    static List<Route> routes() {
        String contactBody = "{\"customerId\":\"{customer}\",\"channel\":\"PHONE\",\"purpose\":\"CHECK_IN\","
                + "\"dueAt\":\"2026-05-12T10:00:00Z\"}";
        return List.of(
                new Route("POST", E + "/contacts", Rule.CREATE_SALES, contactBody),
                new Route("GET", E + "/contacts/{contact}", Rule.CONTACT_READ, null),
                new Route(
                        "POST",
                        E + "/contacts/{contact}/reschedule",
                        Rule.OWNER,
                        "{\"dueAt\":\"2026-05-13T10:00:00Z\"}"),
                new Route("POST", E + "/contacts/{contact}/assign", Rule.OWNER, "{\"assigneeId\":\"carl\"}"),
                new Route("POST", E + "/contacts/{contact}/complete", Rule.OWNER, "{\"outcome\":\"REACHED\"}"),
                new Route("POST", E + "/contacts/{contact}/miss", Rule.OWNER, "{\"outcome\":\"NO_ANSWER\"}"),
                new Route("POST", E + "/contacts/{contact}/cancel", Rule.OWNER, "{\"reason\":\"test\"}"),
                new Route("GET", E + "/contacts/agenda?assignee=alice", Rule.AGENDA, null),
                new Route(
                        "POST",
                        E + "/complaints",
                        Rule.CREATE_SALES_SUPPORT,
                        "{\"customerId\":\"{customer}\","
                                + "\"channel\":\"PHONE\",\"category\":\"DELIVERY\",\"severity\":\"LOW\"}"),
                new Route("GET", E + "/complaints/{complaint}", Rule.SUPPORT_OR_OWNER, null),
                new Route("GET", E + "/complaints", Rule.QUEUE, null),
                new Route(
                        "POST",
                        E + "/complaints/{complaint}/resolve",
                        Rule.SUPPORT_OR_OWNER,
                        "{\"resolution\":\"sorted\",\"satisfaction\":4}"),
                new Route(
                        "POST", E + "/complaints/{complaint}/reopen", Rule.SUPPORT_OR_OWNER, "{\"reason\":\"again\"}"),
                new Route("GET", E + "/customers/{customer}/summary", Rule.READ, null),
                new Route("GET", E + "/customers/{customer}/level", Rule.READ, null),
                new Route(
                        "PUT",
                        E + "/customers/{customer}/level",
                        Rule.OWNER,
                        "{\"level\":\"PROACTIVE\",\"reason\":\"test\"}"),
                new Route("DELETE", E + "/customers/{customer}/level/override", Rule.OWNER, null),
                new Route("GET", E + "/customers/{customer}/level/history", Rule.READ, null),
                new Route("GET", E + "/customers/{customer}/contacts", Rule.CONTACT_READ, null),
                new Route("GET", E + "/customers/{customer}/contact-adjustments", Rule.READ, null),
                new Route("GET", E + "/customers/{customer}/complaints", Rule.SUPPORT_OR_OWNER, null),
                new Route(
                        "POST",
                        E + "/interactions",
                        Rule.CREATE_SALES_SUPPORT,
                        "{\"customerId\":\"{customer}\"," + "\"direction\":\"INBOUND\",\"kind\":\"CALL\"}"),
                new Route("GET", E + "/interactions?customerId={customer}", Rule.READ, null),
                new Route("POST", E + "/campaigns", Rule.MARKETING, "{}"),
                new Route("GET", E + "/campaigns", Rule.MARKETING, null),
                new Route("GET", E + "/campaigns/" + UUID.randomUUID() + "/report", Rule.MARKETING, null),
                new Route(
                        "POST",
                        E + "/campaigns/" + UUID.randomUUID() + "/responses",
                        Rule.MARKETING,
                        "{\"customerId\":\"{customer}\",\"converted\":true}"),
                new Route("POST", E + "/campaigns/" + UUID.randomUUID() + "/complete", Rule.MARKETING, null),
                new Route("GET", E + "/plans", Rule.READ, null),
                new Route("GET", E + "/plans/" + UUID.randomUUID(), Rule.READ, null),
                new Route("POST", E + "/plans", Rule.MARKETING, "{}"),
                new Route("PUT", E + "/plans/" + UUID.randomUUID(), Rule.MARKETING, "{}"),
                new Route("DELETE", E + "/plans/" + UUID.randomUUID(), Rule.MARKETING, null),
                new Route("GET", E + "/pressure-rules", Rule.READ, null),
                new Route("PUT", E + "/pressure-rules", Rule.MARKETING, "{}"),
                new Route("GET", E + "/level-mappings", Rule.READ, null),
                new Route("PUT", E + "/level-mappings/AUTHZTEST/X", Rule.MARKETING, "{\"level\":\"PROACTIVE\"}"),
                new Route("DELETE", E + "/level-mappings/AUTHZTEST/X", Rule.MARKETING, null),
                new Route("GET", E + "/message-templates", Rule.READ, null),
                new Route("GET", E + "/message-templates/00000000-0000-4000-8000-000000000701", Rule.READ, null),
                new Route("POST", E + "/message-templates", Rule.MARKETING, "{}"),
                new Route("PUT", E + "/message-templates/" + UUID.randomUUID(), Rule.MARKETING, "{}"),
                new Route("DELETE", E + "/message-templates/" + UUID.randomUUID(), Rule.MARKETING, null),
                new Route(
                        "POST",
                        E + "/message-templates/00000000-0000-4000-8000-000000000701/preview",
                        Rule.MARKETING,
                        "{\"customerId\":\"{customer}\"}"));
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

    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void monday() {
        clock.set("2026-05-04T08:00:00Z");
    }

    static RequestSpecification as(String name, String role) {
        return given().header("X-Rapport-Principal", name).header("X-Rapport-Roles", role);
    }

    /** A customer owned by alice (so its contacts and complaints are assigned to her). */
    private UUID aliceCustomer() {
        return fixtures.customer(
                "UTC", "alice", Map.of("PHONE", true, "EMAIL", true), List.of("PHONE"), "PROACTIVE", "100");
    }

    private static String contactOf(UUID customer) {
        return given().contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId",
                        customer,
                        "channel",
                        "PHONE",
                        "purpose",
                        "CHECK_IN",
                        "dueAt",
                        "2026-05-11T10:00:00Z"))
                .post(E + "/contacts")
                .then()
                .statusCode(201)
                .body("assigneeId", equalTo("alice"))
                .extract()
                .path("id");
    }

    private static String complaintOf(UUID customer) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "channel", "PHONE", "category", "DELIVERY", "severity", "LOW"))
                .post(E + "/complaints")
                .then()
                .statusCode(201)
                .body("assigneeId", equalTo("alice"))
                .extract()
                .path("id");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyRouteEveryRoleOwnAndOther(Route route, Who who) {
        UUID customer = aliceCustomer();
        String contact = route.path().contains("{contact}") ? contactOf(customer) : "none";
        String complaint = route.path().contains("{complaint}") ? complaintOf(customer) : "none";
        if (route.path().endsWith("/reopen")) {
            given().contentType(ContentType.JSON)
                    .body("{\"resolution\":\"done\"}")
                    .post(E + "/complaints/{id}/resolve", complaint)
                    .then()
                    .statusCode(200);
        }
        String path = route.path()
                .replace("{customer}", customer.toString())
                .replace("{contact}", contact)
                .replace("{complaint}", complaint);
        RequestSpecification request =
                as(who.name, who.role).contentType(ContentType.JSON).accept(ContentType.JSON);
        if (route.body() != null) {
            request = request.body(route.body().replace("{customer}", customer.toString()));
        }
        Response response = request.request(route.method(), path);
        if (who.allowed(route.rule())) {
            assertThat(response.statusCode())
                    .as("%s as %s: %s", route, who, response.asString())
                    .isNotIn(401, 403)
                    .isLessThan(500);
        } else {
            assertThat(response.statusCode())
                    .as("%s as %s: %s", route, who, response.asString())
                    .isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aRepCannotReadOrWorkAnotherRepsAgendaContactsOrComplaints() {
        // two of alice's customers: an open complaint would pause the other's check-in (and hide it from the agenda)
        String contact = contactOf(aliceCustomer());
        String complaint = complaintOf(aliceCustomer());
        as("bob", "sales")
                .queryParam("assignee", "alice")
                .queryParam("date", "2026-05-11")
                .get(E + "/contacts/agenda")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as("bob", "sales")
                .contentType(ContentType.JSON)
                .body("{\"outcome\":\"REACHED\"}")
                .post(E + "/contacts/{id}/complete", contact)
                .then()
                .statusCode(403);
        as("bob", "sales").get(E + "/contacts/{id}", contact).then().statusCode(403);
        as("bob", "sales")
                .contentType(ContentType.JSON)
                .body("{\"resolution\":\"closed by bob\"}")
                .post(E + "/complaints/{id}/resolve", complaint)
                .then()
                .statusCode(403);
        // bob's queue and agenda hold only his own work
        as("bob", "sales")
                .get(E + "/complaints")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(complaint)))
                .body("items.assigneeId", everyItem(equalTo("bob")));
        as("bob", "sales")
                .queryParam("date", "2026-05-11")
                .get(E + "/contacts/agenda")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(contact)));
        // nothing changed
        given().get(E + "/contacts/{id}", contact).then().body("state", equalTo("PLANNED"));
        given().get(E + "/complaints/{id}", complaint).then().body("state", equalTo("OPEN"));
        // alice works her own; an unknown contact is 404 for her as for anyone
        clock.set("2026-05-11T09:00:00Z");
        as("alice", "sales")
                .queryParam("date", "2026-05-11")
                .get(E + "/contacts/agenda")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(contact));
        as("alice", "sales")
                .get(E + "/complaints?size=200")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(complaint));
        as("alice", "sales")
                .contentType(ContentType.JSON)
                .body("{\"resolution\":\"refunded\"}")
                .post(E + "/complaints/{id}/resolve", complaint)
                .then()
                .statusCode(200);
        as("alice", "sales")
                .contentType(ContentType.JSON)
                .body("{\"outcome\":\"REACHED\"}")
                .post(E + "/contacts/{id}/complete", UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void aRepCannotCreateWorkForAnotherRep() {
        UUID customer = aliceCustomer();
        as("bob", "sales")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId",
                        customer,
                        "channel",
                        "PHONE",
                        "purpose",
                        "CHECK_IN",
                        "dueAt",
                        "2026-05-12T10:00:00Z",
                        "assigneeId",
                        "alice"))
                .post(E + "/contacts")
                .then()
                .statusCode(403);
        as("bob", "sales")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId",
                        customer,
                        "channel",
                        "PHONE",
                        "purpose",
                        "CHECK_IN",
                        "dueAt",
                        "2026-05-13T10:00:00Z"))
                .post(E + "/contacts")
                .then()
                .statusCode(201)
                .body("assigneeId", equalTo("bob"));
    }

    @Test
    void forgedIdentityHeadersStraightToTheServicePortAre401() {
        given().header(ServiceTokenTestFilter.RAW, "1")
                .header("X-Rapport-Principal", "alice")
                .header("X-Rapport-Roles", "admin")
                .queryParam("assignee", "alice")
                .get(E + "/contacts/agenda")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
