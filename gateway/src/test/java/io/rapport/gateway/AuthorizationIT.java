package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.gateway.support.StubUpstreams;
import io.rapport.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class AuthorizationIT {

    /** The role matrix through the real gateway: one read and one write per route group, every role. */
    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
        "GET,  /api/v1/customers/1, admin, 200", "GET, /api/v1/customers/1, sales, 200",
        "GET,  /api/v1/customers/1, support, 200", "GET, /api/v1/customers/1, marketing, 403",
        "POST, /api/v1/customers, admin, 200", "POST, /api/v1/customers, sales, 200",
        "POST, /api/v1/customers, support, 403", "POST, /api/v1/customers, marketing, 403",
        "GET,  /api/v1/segments/customers/1, sales, 200", "GET, /api/v1/segments/customers/1, marketing, 200",
        "GET,  /api/v1/segments/customers/1, support, 403", "GET, /api/v1/segments/customers/1, admin, 200",
        "POST, /api/v1/segments/runs, marketing, 200", "POST, /api/v1/segments/runs, admin, 200",
        "POST, /api/v1/segments/runs, sales, 403", "POST, /api/v1/segments/runs, support, 403",
        "POST, /api/v1/engagement/complaints, support, 200", "POST, /api/v1/engagement/complaints, sales, 200",
        "POST, /api/v1/engagement/complaints, marketing, 403", "GET, /api/v1/engagement/complaints, admin, 200",
        "POST, /api/v1/engagement/campaigns, marketing, 200", "POST, /api/v1/engagement/campaigns, sales, 403",
        "GET,  /api/v1/engagement/campaigns, support, 403", "POST, /api/v1/engagement/campaigns, admin, 200",
        "GET,  /api/v1/engagement/agenda, sales, 200", "PUT, /api/v1/engagement/contacts/1, sales, 200",
        "PUT,  /api/v1/engagement/contacts/1, marketing, 403", "PUT, /api/v1/engagement/contacts/1, support, 403",
        "PUT,  /api/v1/engagement/pressure-rules, marketing, 200", "PUT, /api/v1/engagement/pressure-rules, sales, 403",
        "GET,  /api/v1/engagement/plans, support, 200", "POST, /api/v1/engagement/plans, admin, 200",
        "GET,  /api/v1/loyalty/programmes, sales, 200", "GET, /api/v1/loyalty/programmes, support, 403",
        "POST, /api/v1/loyalty/programmes, marketing, 200", "POST, /api/v1/loyalty/programmes, sales, 403",
        "POST, /api/v1/loyalty/programmes, admin, 200", "GET, /api/v1/loyalty/partner/transactions, admin, 403"
    })
    void roleMatrix(String method, String path, String role, int status) {
        given().header("Authorization", "Bearer " + TestTokens.token("user-" + role, role))
                .contentType("application/json")
                .body("{}")
                .when()
                .request(method, path)
                .then()
                .statusCode(status);
    }

    /**
     * Each owning service's own rule, checked through the gateway: POSTs that only compute or read are open to the
     * group's readers (AccessPolicy.POST_READS), templates are engagement settings (marketing changes them), support
     * logs interactions, sales and support handle a member's partner consent, the services' audit trails are read by
     * the roles that read customers. Every status here is what the owning service's @Allow rule answers too.
     */
    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
        "POST, /api/v1/engagement/contact-pressure/batch, marketing, 200",
        "POST, /api/v1/engagement/contact-pressure/batch, support, 200",
        "POST, /api/v1/engagement/contact-pressure/batch, sales, 200",
        "POST, /api/v1/engagement/contact-pressure/batch, data-steward, 403",
        "POST, /api/v1/engagement/contact-pressure/batch/x, marketing, 403",
        "POST, /api/v1/engagement/contact-pressure, marketing, 403",
        "PUT,  /api/v1/engagement/contact-pressure/batch, marketing, 403",
        "POST, /api/v1/loyalty/programmes/1/quotes, sales, 200",
        "POST, /api/v1/loyalty/programmes/1/quotes, marketing, 200",
        "POST, /api/v1/loyalty/programmes/1/quotes, support, 403",
        "POST, /api/v1/loyalty/programmes/1/benefits, sales, 403",
        "POST, /api/v1/loyalty/programmes/quotes, sales, 403",
        "GET,  /api/v1/engagement/message-templates, support, 200",
        "GET,  /api/v1/engagement/message-templates, sales, 200",
        "POST, /api/v1/engagement/message-templates, marketing, 200",
        "POST, /api/v1/engagement/message-templates, sales, 403",
        "PUT,  /api/v1/engagement/message-templates/1, marketing, 200",
        "DELETE, /api/v1/engagement/message-templates/1, sales, 403",
        "POST, /api/v1/engagement/message-templates/1/preview, marketing, 200",
        "POST, /api/v1/engagement/message-templates/1/preview, support, 403",
        "POST, /api/v1/engagement/interactions, support, 200",
        "POST, /api/v1/engagement/interactions, sales, 200",
        "POST, /api/v1/engagement/interactions, marketing, 403",
        "GET,  /api/v1/engagement/interactions, marketing, 200",
        "GET,  /api/v1/loyalty/members/1/partner-links, support, 200",
        "POST, /api/v1/loyalty/members/1/partner-links, sales, 200",
        "POST, /api/v1/loyalty/members/1/partner-links, support, 200",
        "POST, /api/v1/loyalty/members/1/partner-links, marketing, 403",
        "DELETE, /api/v1/loyalty/members/1/partner-links/acme, support, 200",
        "POST, /api/v1/loyalty/members/1/redemption-codes, support, 200",
        "POST, /api/v1/loyalty/members/1/redemption-codes, marketing, 403",
        "GET,  /api/v1/loyalty/members/1/ledger, support, 403",
        "GET,  /api/v1/loyalty/audit, data-steward, 200",
        "GET,  /api/v1/loyalty/audit, support, 200",
        "GET,  /api/v1/loyalty/audit, marketing, 403",
        "GET,  /api/v1/segments/audit, support, 200",
        "GET,  /api/v1/engagement/audit, data-steward, 200",
        "GET,  /api/v1/engagement/audit, marketing, 403",
        "POST, /api/v1/segments/audit, admin, 200",
        "POST, /api/v1/segments/audit, sales, 403"
    })
    void eachServicesOwnRuleHoldsAtTheGateway(String method, String path, String role, int status) {
        roleMatrix(method, path, role, status);
    }

    @Test
    void noCredentialIs401Problem() {
        given().when()
                .get("/api/v1/customers/1")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void malformedExpiredOrForeignTokensAre401() {
        given().header("Authorization", "Bearer not.a.jwt")
                .when()
                .get("/api/v1/customers/1")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("invalid_token"));
        given().header("Authorization", "Bearer " + TestTokens.expired("alice", "sales"))
                .when()
                .get("/api/v1/customers/1")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.foreign("alice", "admin"))
                .when()
                .get("/api/v1/customers/1")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Basic YWxpY2U6c2VjcmV0")
                .when()
                .get("/api/v1/customers/1")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenForAnotherAudienceOrTooOldIs401() {
        given().header("Authorization", "Bearer " + TestTokens.wrongAudience("alice", "admin"))
                .when()
                .get("/api/v1/customers/1")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("invalid_token"));
        given().header("Authorization", "Bearer " + TestTokens.tooOld("alice", "admin"))
                .when()
                .get("/api/v1/customers/1")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        // the same subject with a proper token passes
        given().header("Authorization", "Bearer " + TestTokens.token("alice", "admin"))
                .when()
                .get("/api/v1/customers/1")
                .then()
                .statusCode(200);
    }

    @Test
    void wrongRoleIs403Problem() {
        given().header("Authorization", "Bearer " + TestTokens.token("mia", "marketing"))
                .when()
                .delete("/api/v1/customers/1")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("mia"));
    }

    @Test
    void partnerKeyReachesPartnerEndpointsWithItsOwnPartnerId() throws Exception {
        String authorization = given().header("X-Api-Key", StubUpstreams.ACME_KEY)
                .header("X-Rapport-Partner-Id", "someone-else")
                .header("X-Rapport-Principal", "admin")
                .contentType("application/json")
                .body("{\"points\":10}")
                .when()
                .post("/api/v1/loyalty/partner/earn")
                .then()
                .statusCode(200)
                .body("path", equalTo("/api/v1/loyalty/partner/earn"))
                .body("headers.'x-rapport-partner-id'", org.hamcrest.Matchers.nullValue())
                .body("headers.'x-rapport-principal'", org.hamcrest.Matchers.nullValue())
                .body("headers.'x-api-key'", org.hamcrest.Matchers.nullValue())
                .extract()
                .path("headers.authorization");
        io.rapport.platform.identity.ServiceToken token = TestTokens.serviceToken(authorization, "loyalty-service");
        org.assertj.core.api.Assertions.assertThat(token.partnerId()).isEqualTo("acme-travel");
        org.assertj.core.api.Assertions.assertThat(token.subject()).isEqualTo("partner:acme-travel");
        org.assertj.core.api.Assertions.assertThat(token.roles()).isEmpty();
    }

    @Test
    void partnerKeyReachesNothingElse() {
        for (String path : new String[] {
            "/api/v1/loyalty/programmes",
            "/api/v1/customers/1",
            "/api/v1/segments/classes",
            "/api/v1/engagement/agenda",
            "/api/v1/customers/00000000-0000-0000-0000-000000000001/360"
        }) {
            given().header("X-Api-Key", StubUpstreams.ACME_KEY)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void partnerScopesLimitMethods() throws Exception {
        String authorization = given().header("X-Api-Key", StubUpstreams.READER_KEY)
                .when()
                .get("/api/v1/loyalty/partner/transactions")
                .then()
                .statusCode(200)
                .extract()
                .path("headers.authorization");
        org.assertj.core.api.Assertions.assertThat(TestTokens.serviceToken(authorization, "loyalty-service")
                        .partnerId())
                .isEqualTo("reader-shop");
        given().header("X-Api-Key", StubUpstreams.READER_KEY)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/loyalty/partner/earn")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void unknownApiKeyIs401() {
        given().header("X-Api-Key", "guessed-key")
                .when()
                .get("/api/v1/loyalty/partner/transactions")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
