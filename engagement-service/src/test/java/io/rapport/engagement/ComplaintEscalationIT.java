package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.engagement.EngagementEvents;
import io.rapport.engagement.service.ComplaintService;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Escalation of overdue complaints by the default rule (notify support-lead when overdue; HIGH and above go to the
 * complaint-escalations team a day later): reassigned and/or notified once per level, announced through the outbox.
 */
@QuarkusTest
class ComplaintEscalationIT {
    private static final String COMPLAINTS = "/api/v1/engagement/complaints";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @Inject
    ComplaintService complaints;

    @Inject
    EntityManager em;

    @BeforeEach
    void monday() {
        clock.set("2026-05-04T08:00:00Z");
    }

    @SuppressWarnings("unchecked")
    private List<JsonNode> escalations(UUID customer) {
        List<String> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select payload from" + " rapport_outbox where type = ?1 and subject = ?2 order by seq")
                        .setParameter(1, EngagementEvents.COMPLAINT_ESCALATED.name())
                        .setParameter(2, customer.toString())
                        .getResultList());
        List<JsonNode> out = new ArrayList<>();
        for (String r : rows) {
            try {
                out.add(JSON.readTree(r));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static void assertValid(JsonNode payload) {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(
                        ComplaintEscalationIT.class
                                .getClassLoader()
                                .getResourceAsStream(EngagementEvents.COMPLAINT_ESCALATED.schemaPath()),
                        SchemaValidatorsConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build());
        assertThat(schema.validate(payload)).as("%s", payload).isEmpty();
    }

    @Test
    void anOverdueHighComplaintIsNotifiedThenReassignedToTheEscalationTeamOncePerLevel() {
        UUID customer = fixtures.customer("UTC", "rep-e", Map.of("PHONE", true), List.of("PHONE"), null, "0");
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "channel", "PHONE", "category", "DELIVERY", "severity", "HIGH"))
                .post(COMPLAINTS)
                .then()
                .statusCode(201)
                .body("dueAt", equalTo("2026-05-06T08:00:00Z"))
                .body("assigneeId", equalTo("rep-e"))
                .extract()
                .path("id");

        clock.set("2026-05-06T08:00:00Z"); // due, not overdue
        complaints.escalateOverdue();
        assertThat(escalations(customer)).isEmpty();

        clock.set("2026-05-06T08:30:00Z");
        assertThat(complaints.escalateOverdue()).isGreaterThanOrEqualTo(1);
        complaints.escalateOverdue(); // the same level again: nothing new
        given().get(COMPLAINTS + "/{id}", id)
                .then()
                .body("escalated", equalTo(true))
                .body("escalationLevel", equalTo(1))
                .body("assigneeId", equalTo("rep-e"))
                .body("escalatedAt", equalTo("2026-05-06T08:30:00Z"));
        List<JsonNode> events = escalations(customer);
        assertThat(events).hasSize(1);
        assertValid(events.get(0));
        assertThat(events.get(0).get("complaintId").asText()).isEqualTo(id);
        assertThat(events.get(0).get("level").asInt()).isEqualTo(1);
        assertThat(events.get(0).get("assigneeId").asText()).isEqualTo("rep-e");
        assertThat(events.get(0).get("notifyIds").toString()).isEqualTo("[\"support-lead\"]");

        clock.set("2026-05-07T08:30:01Z"); // overdue by more than a day
        complaints.escalateOverdue();
        complaints.escalateOverdue();
        given().get(COMPLAINTS + "/{id}", id)
                .then()
                .body("escalationLevel", equalTo(2))
                .body("assigneeId", equalTo("complaint-escalations"))
                .body("escalatedAt", equalTo("2026-05-06T08:30:00Z"));
        events = escalations(customer);
        assertThat(events).hasSize(2);
        assertValid(events.get(1));
        assertThat(events.get(1).get("level").asInt()).isEqualTo(2);
        assertThat(events.get(1).get("previousAssigneeId").asText()).isEqualTo("rep-e");
        assertThat(events.get(1).get("assigneeId").asText()).isEqualTo("complaint-escalations");
        assertThat(events.get(1).get("notifyIds").toString()).isEqualTo("[\"support-manager\"]");

        // the escalation team sees it in the queue; a reopened complaint starts again below level 1
        given().queryParam("assignee", "complaint-escalations")
                .queryParam("size", 200)
                .get(COMPLAINTS)
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        given().contentType(ContentType.JSON)
                .body(Map.of("resolution", "replaced"))
                .post(COMPLAINTS + "/{id}/resolve", id)
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "again"))
                .post(COMPLAINTS + "/{id}/reopen", id)
                .then()
                .statusCode(200)
                .body("escalationLevel", equalTo(0))
                .body("escalated", equalTo(false));
    }

    @Test
    void aLowComplaintStaysAtTheFirstLevelTheSecondIsForHighAndAbove() {
        UUID customer = fixtures.customer("UTC", "rep-l", Map.of("PHONE", true), List.of("PHONE"), null, "0");
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "channel", "EMAIL", "category", "BILLING", "severity", "LOW"))
                .post(COMPLAINTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        clock.set("2026-05-30T08:00:00Z"); // 16 days overdue
        complaints.escalateOverdue();
        complaints.escalateOverdue();
        given().get(COMPLAINTS + "/{id}", id)
                .then()
                .body("escalationLevel", equalTo(1))
                .body("assigneeId", equalTo("rep-l"));
        assertThat(escalations(customer)).hasSize(1);
    }

    @Test
    void twoReplicasRunningTheJobTogetherEscalateEachComplaintOnce() throws Exception {
        int n = 30;
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            customers.add(UUID.randomUUID());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (UUID c : customers) {
                em.createNativeQuery(
                                "insert into complaint (id, customer_id, channel, category, severity, state, opened_at,"
                                        + " due_at, opened_by) values (gen_random_uuid(), ?1, 'EMAIL', 'DELIVERY', 'MEDIUM', 'OPEN',"
                                        + " timestamptz '2026-04-20 08:00Z', timestamptz '2026-05-04 07:00Z', 'test')")
                        .setParameter(1, c)
                        .executeUpdate();
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return complaints.escalateOverdue();
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : runs) {
            total += f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(total).isGreaterThanOrEqualTo(n);
        for (UUID c : customers) {
            assertThat(escalations(c)).as("escalations of %s", c).hasSize(1);
        }
    }
}
