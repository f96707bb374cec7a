package io.rapport.segmentation.rest;

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
 * Every segmentation-service route x role (README "Security model"): sales and marketing read classes, reports,
 * worksheets, policies and runs; only marketing (and admin) change policies or start runs; support and data-steward
 * get nothing. Refused: 403 problem+json; allowed: anything but 401/403/5xx. Bodies of allowed changes are invalid
 * on purpose, so the matrix never reclassifies the data other tests use.
 */
@QuarkusTest
class AuthorizationMatrixIT {
    private static final Set<String> READERS = Set.of("admin", "sales", "marketing");
    private static final Set<String> WRITERS = Set.of("admin", "marketing");
    private static final List<String> ROLES = List.of("admin", "sales", "marketing", "support", "data-steward");
    private static final String S = "/api/v1/segments";

    record Route(String method, String path, Set<String> allowed, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Route> routes() {
        String id = UUID.randomUUID().toString();
        return List.of(
                new Route("GET", S + "/customers/" + id, READERS, null),
                new Route("GET", S + "/customers/" + id + "/history", READERS, null),
                new Route("GET", S + "/customers/" + id + "/recommendations", READERS, null),
                new Route("GET", S + "/policies/ABC", READERS, null),
                new Route("GET", S + "/policies/ABC/versions", READERS, null),
                new Route("GET", S + "/policies/ABC/versions/1", READERS, null),
                new Route("POST", S + "/policies", WRITERS, "{}"),
                new Route("POST", S + "/policies/ABC/versions/999999/activate", WRITERS, null),
                new Route("GET", S + "/transitions?scheme=ABC", READERS, null),
                new Route("GET", S + "/transitions/customers?scheme=ABC", READERS, null),
                new Route("GET", S + "/levels?scheme=ABC", READERS, null),
                new Route("POST", S + "/runs", WRITERS, "{\"scheme\":\"NO_SUCH_SCHEME\"}"),
                new Route("GET", S + "/runs", READERS, null),
                new Route("GET", S + "/runs/" + id, READERS, null),
                new Route("GET", S + "/worksheet/gold", READERS, null),
                new Route("GET", S + "/worksheet/cost-drivers", READERS, null),
                new Route("GET", S + "/worksheet/repeat-complainers", READERS, null),
                new Route("GET", S + "/worksheet/top-last-year", READERS, null),
                new Route("GET", S + "/worksheet/low-share-of-wallet", READERS, null),
                new Route("GET", S + "/worksheet/prospects", READERS, null));
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
    void forgedIdentityHeadersStraightToTheServicePortAre401() {
        given().header(ServiceTokenTestFilter.RAW, "1")
                .header("X-Rapport-Principal", "mallory")
                .header("X-Rapport-Roles", "marketing")
                .contentType(ContentType.JSON)
                .body("{\"scheme\":\"ABC\"}")
                .post(S + "/runs")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
