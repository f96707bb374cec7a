package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerUpdated;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.contracts.segmentation.SegmentationEvents;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Acceptance through the real broker: customer and segment events in, follow-up contacts out. */
@QuarkusTest
class PurchaseFollowUpIT {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static KafkaEvents kafka;

    @Inject
    TestClock clock;

    @BeforeAll
    static void producer() {
        kafka = new KafkaEvents();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @BeforeEach
    void monday() {
        clock.set("2026-05-04T12:00:00Z");
    }

    @Test
    void aPurchaseByAnAccountableCustomerSchedulesASatisfactionCallSevenDaysLaterAtAnAllowedHourInTheirZone() {
        UUID id = accountableCustomer("alice-" + UUID.randomUUID());
        Instant bought = Instant.parse("2026-05-04T10:00:00Z");
        kafka.send(CustomerEvents.PURCHASE_RECORDED, id.toString(), purchase(id, "P-1", bought));

        JsonPath contact = awaitContacts(id, 1).get(0);
        assertThat(contact.getString("purpose")).isEqualTo("SATISFACTION_CHECK");
        assertThat(contact.getString("channel")).isEqualTo("PHONE");
        assertThat(Instant.parse(contact.getString("requestedAt"))).isEqualTo(bought.plus(Duration.ofDays(7)));
        // 10:00Z on Monday 11 May is 06:00 in New York, inside quiet hours: the call moves to 08:00 EDT = 12:00Z
        Instant due = Instant.parse(contact.getString("dueAt"));
        assertThat(due).isEqualTo("2026-05-11T12:00:00Z");
        ZonedDateTime local = due.atZone(NEW_YORK);
        assertThat(local.getHour()).isBetween(8, 19);
        assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

        given().get("/api/v1/engagement/customers/{id}/contact-adjustments", id)
                .then()
                .statusCode(200)
                .body("[0].rule", equalTo("QUIET_HOURS"));
        given().get("/api/v1/engagement/customers/{id}/summary", id)
                .then()
                .statusCode(200)
                .body("level", equalTo("ACCOUNTABLE"))
                .body("levelSource", equalTo("SEGMENT"))
                .body("nextContacts[0].purpose", equalTo("SATISFACTION_CHECK"));
    }

    @Test
    void replayingPurchaseEventsSchedulesNothingNew() {
        String owner = "bob-" + UUID.randomUUID();
        UUID id = accountableCustomer(owner);
        PurchaseRecorded p = purchase(id, "P-2", Instant.parse("2026-05-04T09:00:00Z"));
        String eventId = kafka.send(CustomerEvents.PURCHASE_RECORDED, id.toString(), p);
        awaitContacts(id, 1);

        kafka.send(CustomerEvents.PURCHASE_RECORDED, id.toString(), p, eventId); // redelivery: same ce_id
        kafka.send(CustomerEvents.PURCHASE_RECORDED, id.toString(), p); // replay from the source: a new ce_id
        // an owner change behind them on the same partition: once it shows, the replays were processed
        var renamed =
                Fixtures.snapshot(id, "America/New_York", "carol-" + owner, Map.of("PHONE", true), List.of("PHONE"));
        kafka.send(CustomerEvents.UPDATED, id.toString(), new CustomerUpdated(renamed, List.of("ownerId")));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(contacts(id).get(0).getString("assigneeId")).isEqualTo("carol-" + owner));
        assertThat(contacts(id)).hasSize(1);
    }

    private UUID accountableCustomer(String owner) {
        UUID id = UUID.randomUUID();
        kafka.send(
                CustomerEvents.REGISTERED,
                id.toString(),
                new CustomerRegistered(Fixtures.snapshot(
                        id,
                        "America/New_York",
                        owner,
                        Map.of("PHONE", true, "EMAIL", true),
                        List.of("PHONE", "EMAIL"))));
        kafka.send(
                SegmentationEvents.SEGMENT_CHANGED,
                id.toString(),
                Fixtures.segment(id, "ABC", "A", "ACCOUNTABLE", "5000"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/engagement/customers/{id}/summary", id)
                        .then()
                        .statusCode(200)
                        .body("level", equalTo("ACCOUNTABLE")));
        return id;
    }

    private static PurchaseRecorded purchase(UUID customer, String order, Instant at) {
        return new PurchaseRecorded(
                UUID.nameUUIDFromBytes((customer + order).getBytes()).toString(),
                customer.toString(),
                "shop",
                order,
                at,
                "EUR",
                "120.00",
                "70.00",
                "WEB",
                null,
                List.of());
    }

    private static List<JsonPath> awaitContacts(UUID id, int n) {
        await().atMost(Duration.ofSeconds(30)).until(() -> contacts(id).size() >= n);
        return contacts(id);
    }

    private static List<JsonPath> contacts(UUID id) {
        JsonPath page = given().get("/api/v1/engagement/customers/{id}/contacts", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        int size = page.getList("items").size();
        return java.util.stream.IntStream.range(0, size)
                .mapToObj(i -> new JsonPath(page.prettify()).setRootPath("items[" + i + "]"))
                .toList();
    }
}
