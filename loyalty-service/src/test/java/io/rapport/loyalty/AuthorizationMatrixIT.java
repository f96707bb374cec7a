package io.rapport.loyalty;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.devstack.auth.ServiceTokenTestFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every loyalty-service route x role (README "Security model"): sales and marketing read programmes, members,
 * rewards, benefits, events and referrals and ask for quotes; marketing (and admin) make every change and manage
 * partners; the partner endpoints are for partner systems only. Refused: 403 problem+json; allowed: anything but
 * 401/403/5xx. Bodies of allowed changes are invalid on purpose (400), so the matrix changes no data.
 */
@QuarkusTest
class AuthorizationMatrixIT {
    private static final Set<String> READERS = Set.of("admin", "sales", "marketing");
    private static final Set<String> WRITERS = Set.of("admin", "marketing");
    /** A member's partner consent and redemption codes: frontline staff acting for the member (README role table). */
    private static final Set<String> CONSENT = Set.of("admin", "sales", "support");

    private static final Set<String> PARTNERS = Set.of("admin");
    private static final Set<String> ADMINS = Set.of("admin");
    private static final List<String> ROLES = List.of("admin", "sales", "marketing", "support", "data-steward");
    private static final String L = "/api/v1/loyalty";

    record Route(String method, String path, Set<String> allowed, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Route> routes() {
        String id = UUID.randomUUID().toString();
        return List.of(
                new Route("POST", L + "/programmes", WRITERS, "{}"),
                new Route("GET", L + "/programmes", READERS, null),
                new Route("GET", L + "/programmes/" + id, READERS, null),
                new Route("PUT", L + "/programmes/" + id + "/rules", WRITERS, "{}"),
                new Route("POST", L + "/programmes/" + id + "/benefits", WRITERS, "{}"),
                new Route("GET", L + "/programmes/" + id + "/benefits", READERS, null),
                new Route("POST", L + "/programmes/" + id + "/quotes", READERS, "{}"),
                new Route("GET", L + "/customers/" + id + "/summary", READERS, null),
                new Route("POST", L + "/programmes/" + id + "/events", WRITERS, "{}"),
                new Route("GET", L + "/events/" + id, READERS, null),
                new Route("POST", L + "/events/" + id + "/invitations", WRITERS, "{\"limit\":-1}"),
                new Route("POST", L + "/events/" + id + "/rsvp", WRITERS, "{}"),
                new Route("POST", L + "/programmes/" + id + "/members", WRITERS, "{}"),
                new Route("GET", L + "/programmes/" + id + "/members", READERS, null),
                new Route("GET", L + "/members/" + id, READERS, null),
                new Route("POST", L + "/members/" + id + "/leave", WRITERS, null),
                new Route("GET", L + "/members/" + id + "/ledger", READERS, null),
                new Route("GET", L + "/members/" + id + "/tier-history", READERS, null),
                new Route("POST", L + "/members/" + id + "/redemptions", WRITERS, "{}"),
                new Route("POST", L + "/members/" + id + "/adjustments", WRITERS, "{}"),
                new Route("POST", L + "/members/" + id + "/partner-links", CONSENT, "{}"),
                new Route("GET", L + "/members/" + id + "/partner-links", CONSENT, null),
                new Route("DELETE", L + "/members/" + id + "/partner-links/" + id, CONSENT, null),
                new Route("POST", L + "/members/" + id + "/redemption-codes", CONSENT, "{}"),
                new Route("POST", L + "/partners", WRITERS, "{}"),
                new Route("GET", L + "/partners", WRITERS, null),
                new Route("GET", L + "/partners/" + id, WRITERS, null),
                new Route("GET", L + "/partners/" + id + "/settlement", WRITERS, null),
                new Route("POST", L + "/partners/" + id + "/keys", ADMINS, "{\"scopes\":[\"x\"]}"),
                new Route("GET", L + "/partners/" + id + "/keys", ADMINS, null),
                new Route("POST", L + "/partners/" + id + "/keys/" + id + "/rotate", ADMINS, null),
                new Route("DELETE", L + "/partners/" + id + "/keys/" + id, ADMINS, null),
                new Route("GET", L + "/internal/partner-keys/" + "0".repeat(64), ADMINS, null),
                new Route("POST", L + "/partner/earn", PARTNERS, "{}"),
                new Route("POST", L + "/partner/burn", PARTNERS, "{}"),
                new Route("GET", L + "/partner/transactions", PARTNERS, null),
                new Route("GET", L + "/partner/transactions/" + id, PARTNERS, null),
                new Route("POST", L + "/referrals", WRITERS, "{}"),
                new Route("GET", L + "/members/" + id + "/referrals", READERS, null),
                new Route("POST", L + "/programmes/" + id + "/rewards", WRITERS, "{}"),
                new Route("GET", L + "/programmes/" + id + "/rewards", READERS, null),
                new Route("GET", L + "/rewards/" + id, READERS, null),
                new Route("POST", L + "/rewards/" + id + "/redemptions", WRITERS, "{}"));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Route route : routes()) {
            for (String role : ROLES) {
                cases.add(Arguments.of(route, role));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyRouteEveryRole(Route route, String role) {
        RequestSpecification request = given().header("X-Rapport-Principal", "u-" + role)
                .header("X-Rapport-Roles", role)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
        if (route.body() != null) {
            request = request.body(route.body());
        }
        Response response = request.request(route.method(), route.path());
        if (route.allowed() == PARTNERS) {
            // admin passes the rule; the partner endpoints then want a partner identity, which a user has not
            if (role.equals("admin")) {
                assertThat(response.statusCode()).as("%s as admin", route).isLessThan(500);
                return;
            }
        }
        if (route.allowed().contains(role)) {
            assertThat(response.statusCode())
                    .as("%s as %s: %s", route, role, response.asString())
                    .isNotIn(401, 403)
                    .isLessThan(500);
        } else {
            assertThat(response.statusCode()).as("%s as %s", route, role).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aPartnerReachesOnlyThePartnerEndpoints() {
        String partner = UUID.randomUUID().toString();
        given().header("X-Rapport-Partner-Id", partner)
                .get(L + "/programmes")
                .then()
                .statusCode(403);
        given().header("X-Rapport-Partner-Id", partner)
                .get(L + "/partners/{id}/settlement", partner)
                .then()
                .statusCode(403);
        // the rule lets it through (no "may not" from the access rule); loyalty then knows no such partner
        given().header("X-Rapport-Partner-Id", partner)
                .get(L + "/partner/transactions")
                .then()
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("may not")));
    }

    @Test
    void forgedPartnerHeaderStraightToTheServicePortIs401() {
        given().header(ServiceTokenTestFilter.RAW, "1")
                .header("X-Rapport-Partner-Id", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body("{}")
                .post(L + "/partner/burn")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void readOnlyFieldsInABodyAreRefusedNotApplied() {
        String programme = Fixtures.programme(0, 0);
        UUID customer = UUID.randomUUID();
        // a member's points and tier come from the ledger and the tier rules, never from a body
        given().contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"pointsBalance\":1000000,\"tier\":\"GOLD\"}")
                .post(L + "/programmes/{p}/members", programme)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        String member = (String) Fixtures.enrol(programme, customer).get("id");
        org.assertj.core.api.Assertions.assertThat(Fixtures.balance(member)).isZero();
    }
}
