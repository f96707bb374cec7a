package io.rapport.customer.rest;

import static io.rapport.customer.rest.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audit trail of customer-service: who changed what (changed fields before/after) from which request, readable per
 * customer by the roles that read customers and in full (and per actor) by admin only; the table is append-only.
 */
@QuarkusTest
class AuditTrailIT {
    @Inject
    AgroalDataSource ds;

    @Test
    void changesAreRecordedWithActorRequestAndChangedFields() {
        String id = as("rep-17", "sales")
                .header("X-Request-Id", "req-create-1")
                .body(Api.person(Api.uniqueEmail(), Api.uniquePhone()))
                .post("/api/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("rep-17", "sales")
                .header("X-Request-Id", "req-consent-1")
                .body("{\"granted\":false,\"source\":\"call\"}")
                .put("/api/v1/customers/" + id + "/consents/SMS")
                .then()
                .statusCode(200);
        as("rep-17", "sales")
                .body("{\"value\":\"long\"}")
                .put("/api/v1/customers/" + id + "/preferences/room/pillow")
                .then()
                .statusCode(200);

        as("sam", "support")
                .queryParam("customerId", id)
                .get("/api/v1/customers/audit")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.entity", org.hamcrest.Matchers.contains("preference", "consent", "customer"))
                .body("items.actor", everyItem(equalTo("rep-17")))
                .body("items[2].action", equalTo("CREATE"))
                .body("items[2].requestId", equalTo("req-create-1"))
                .body("items[2].after.familyName", equalTo("Lovelace"))
                .body("items[1].requestId", equalTo("req-consent-1"))
                .body("items[1].entityId", equalTo("SMS"))
                .body("items[1].before.consents.SMS", org.hamcrest.Matchers.nullValue())
                .body("items[1].after.consents.SMS", equalTo(false))
                .body("items[1].after.source", equalTo("call"))
                .body("items[0].before.preferences", org.hamcrest.Matchers.empty())
                .body("items[0].after.preferences[0].value", equalTo("long"))
                .body("items.service", everyItem(equalTo("customer-service")));
        as("ada", "admin")
                .queryParam("actor", "rep-17")
                .queryParam("size", 200)
                .get("/api/v1/customers/audit")
                .then()
                .statusCode(200)
                .body("items.customerId", hasItems(id));
    }

    @Test
    void onlyAdminReadsAcrossCustomersAndBadInputIsAProblem() {
        as("rita", "sales")
                .get("/api/v1/customers/audit")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as("rita", "sales")
                .queryParam("actor", "ada")
                .queryParam("customerId", "3f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f40")
                .get("/api/v1/customers/audit")
                .then()
                .statusCode(403);
        as("mia", "marketing")
                .queryParam("customerId", "3f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f40")
                .get("/api/v1/customers/audit")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as("ada", "admin")
                .queryParam("customerId", "not-a-uuid")
                .get("/api/v1/customers/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("ada", "admin")
                .queryParam("size", 0)
                .get("/api/v1/customers/audit")
                .then()
                .statusCode(400);
        as("ada", "admin")
                .queryParam("page", 1_000_000)
                .get("/api/v1/customers/audit")
                .then()
                .statusCode(400);
        as("ada", "admin").get("/api/v1/customers/audit").then().statusCode(200);
    }

    @Test
    void theTrailIsAppendOnly() {
        Api.createPerson();
        assertThat(Db.count(ds, "select count(*) from rapport_audit")).isPositive();
        for (String sql : List.of(
                "delete from rapport_audit",
                "update rapport_audit set actor = 'mallory'",
                "update rapport_audit set after = null")) {
            assertThatThrownBy(() -> Db.update(ds, sql)).as(sql).hasMessageContaining("append-only");
        }
    }

    private static RequestSpecification as(String subject, String role) {
        return json().header("X-Rapport-Principal", subject).header("X-Rapport-Roles", role);
    }
}
