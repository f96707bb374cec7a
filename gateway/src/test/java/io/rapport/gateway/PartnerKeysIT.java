package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.gateway.domain.ApiKeyHash;
import io.rapport.gateway.support.StubUpstream;
import io.rapport.gateway.support.StubUpstreams;
import io.rapport.gateway.support.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 #14: partner keys issued through loyalty work at once and stop working within the cache window after
 * revocation (the test profile's window is 1 s; 10 s at most in production), without a restart; the keys configured in
 * the environment keep working beside them.
 */
@QuarkusTest
class PartnerKeysIT {

    private static String issue(String partnerId, String status) {
        String key = "rpk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_" + UUID.randomUUID();
        answer(key, partnerId, status);
        return key;
    }

    private static void answer(String key, String partnerId, String status) {
        StubUpstream.PARTNER_KEYS.put(
                ApiKeyHash.sha256Hex(key),
                "{\"keyId\":\"" + UUID.randomUUID() + "\",\"partnerId\":\"" + partnerId + "\",\"status\":\"" + status
                        + "\",\"scopes\":[\"partner:read\",\"partner:write\"]}");
    }

    private static int earn(String key) {
        return given().header("X-Api-Key", key)
                .contentType("application/json")
                .body("{\"points\":10}")
                .post("/api/v1/loyalty/partner/earn")
                .then()
                .extract()
                .statusCode();
    }

    @Test
    void aNewKeyWorksWithoutRestartAndCarriesItsOwnPartner() throws Exception {
        String key = issue("hotel-adler", "ACTIVE");
        String authorization = given().header("X-Api-Key", key)
                .contentType("application/json")
                .body("{\"points\":10}")
                .post("/api/v1/loyalty/partner/earn")
                .then()
                .statusCode(200)
                .extract()
                .path("headers.authorization");
        io.rapport.platform.identity.ServiceToken token = TestTokens.serviceToken(authorization, "loyalty-service");
        assertThat(token.partnerId()).isEqualTo("hotel-adler");
        assertThat(token.roles()).isEmpty();
        given().header("X-Api-Key", key)
                .get("/api/v1/loyalty/programmes")
                .then()
                .statusCode(403);
    }

    @Test
    void aRevokedKeyIsRefusedAfterTheCacheWindow() {
        String key = issue("travel-berg", "ACTIVE");
        assertThat(earn(key)).isEqualTo(200);
        int lookups = StubUpstream.PARTNER_KEY_LOOKUPS.get();
        assertThat(earn(key)).as("answered from the cache").isEqualTo(200);
        assertThat(StubUpstream.PARTNER_KEY_LOOKUPS.get()).isEqualTo(lookups);

        answer(key, "travel-berg", "REVOKED");
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> earn(key) == 401);
        given().header("X-Api-Key", key)
                .get("/api/v1/loyalty/partner/transactions")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void unknownIssuedKeysAreRefusedAndConfiguredKeysStillWork() {
        assertThat(earn("rpk_0000000000_" + UUID.randomUUID())).isEqualTo(401);
        assertThat(earn("not-a-key-at-all")).isEqualTo(401);
        assertThat(earn(StubUpstreams.ACME_KEY))
                .as("environment-configured keys are the fallback")
                .isEqualTo(200);
    }
}
