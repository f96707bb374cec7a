package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.contracts.loyalty.LoyaltyEvents;
import io.rapport.contracts.loyalty.PointsEarned;
import io.rapport.contracts.loyalty.TierChanged;
import io.rapport.devstack.mail.CapturedMail;
import io.rapport.devstack.mail.LocalMailServer;
import io.rapport.devstack.mail.TestMailServer;
import io.rapport.engagement.outreach.MessageDelivery;
import io.rapport.engagement.service.ContactDispatcher;
import io.rapport.engagement.service.CustomerProjectionService;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Due EMAIL and SMS contacts delivered for real: GreenMail as the relay, a local HTTP receiver as the SMS provider. */
@QuarkusTest
class MessageDeliveryIT {
    private static KafkaEvents kafka;

    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @Inject
    ContactDispatcher dispatcher;

    @Inject
    MessageDelivery delivery;

    @Inject
    CustomerProjectionService projection;

    @Inject
    EntityManager em;

    private final LocalMailServer mail = TestMailServer.shared();

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
        mail.startSmtp();
    }

    @Test
    void aPurchaseLeadsSevenDaysLaterToARealEmailWithTheNameLoyaltyAndRecommendations() {
        String email = "ada-" + UUID.randomUUID() + "@example.org";
        UUID id = customer("ACCOUNTABLE", email);
        DirectoryStub.recommend(id, "pillows", "bedding");
        kafka.send(
                LoyaltyEvents.POINTS_EARNED,
                id.toString(),
                new PointsEarned(
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        PROGRAMME.toString(),
                        id.toString(),
                        120,
                        120,
                        "PURCHASE",
                        "k-" + id,
                        null,
                        null,
                        null,
                        Instant.parse("2026-05-04T10:00:01Z")));
        kafka.send(
                LoyaltyEvents.TIER_CHANGED,
                id.toString(),
                new TierChanged(
                        UUID.randomUUID().toString(),
                        PROGRAMME.toString(),
                        id.toString(),
                        null,
                        "Gold",
                        "UP",
                        "points",
                        Instant.parse("2026-05-04T10:00:02Z")));
        kafka.send(
                CustomerEvents.PURCHASE_RECORDED,
                id.toString(),
                new PurchaseRecorded(
                        UUID.randomUUID().toString(),
                        id.toString(),
                        "shop",
                        "SO-" + id,
                        Instant.parse("2026-05-04T10:00:00Z"),
                        "EUR",
                        "120.00",
                        "70.00",
                        "WEB",
                        null,
                        List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> contactId(id, "SATISFACTION_CHECK") != null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "select count(*) from customer_loyalty where customer_id = ?1"
                                        + " and tier = 'Gold' and balance = 120",
                                id)
                        == 1);
        UUID contact = contactId(id, "SATISFACTION_CHECK");

        clock.set("2026-05-10T10:00:00Z"); // six days later: nothing yet
        runJobs();
        assertThat(mail.messagesTo(email)).isEmpty();

        clock.set(dueAt(contact));
        assertThat(dueAt(contact)).isEqualTo("2026-05-11T10:00:00Z");
        runJobs();

        CapturedMail m = single(email);
        assertThat(m.subject()).isEqualTo("Dear Ada Lovelace, how is your purchase?");
        assertThat(m.text())
                .contains("Dear Ada Lovelace,")
                .contains("Your balance: 120 points (Gold)")
                .contains("- pillows (with bedding)")
                .doesNotContain("Dear ,");
        assertThat(m.messageId()).isEqualTo("<" + contact + "@rapport.local>");
        assertThat(m.listUnsubscribe()).startsWith("<http://localhost:8093/unsubscribe/");
        assertThat(m.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(str("select state from message_delivery where contact_id = ?1", contact))
                .isEqualTo("SENT");
        assertThat(str("select message_id from message_delivery where contact_id = ?1", contact))
                .isEqualTo(m.messageId());
        assertThat(str("select outcome from contact where id = ?1", contact)).isEqualTo("SENT");
        assertThat(count(
                        "select count(*) from rapport_outbox where type = 'rapport.engagement.message-sent.v1'"
                                + " and subject = cast(?1 as varchar)",
                        id))
                .isEqualTo(1);
        // the name and the recommendations were read with engagement's OWN key, verified as customer-service and
        // segmentation do: engagement's identity only, no person, no roles (a token signed as the gateway gets 401)
        assertThat(DirectoryStub.CALLERS)
                .extracting(Map.Entry::getKey)
                .contains("customer-service", "segmentation-service");
        assertThat(DirectoryStub.CALLERS).extracting(Map.Entry::getValue).allSatisfy(t -> {
            assertThat(t.service()).isEqualTo("engagement-service");
            assertThat(t.subject()).isEqualTo("engagement-service");
            assertThat(t.roles()).isEmpty();
        });
    }

    @Test
    void noMailWhenEmailConsentIsWithdrawnBeforeTheSend() {
        String email = "no-consent-" + UUID.randomUUID() + "@example.org";
        UUID id = customer("PROACTIVE", email);
        UUID contact = checkIn(id, "2026-05-05T10:00:00Z");
        clock.set("2026-05-05T10:00:00Z");
        dispatcher.runUntilDone("test");
        // consent withdrawn after the contact was queued: the send-time check refuses it
        projection.snapshot(Fixtures.snapshot(id, "Europe/London", "rep", Map.of("EMAIL", false), List.of("EMAIL")));
        delivery.runUntilDone();
        assertThat(mail.messagesTo(email)).isEmpty();
        assertThat(str("select state from contact where id = ?1", contact)).isIn("CANCELLED", "MISSED");
    }

    @Test
    void noMailInQuietHoursUntilTheyEnd() {
        String email = "quiet-" + UUID.randomUUID() + "@example.org";
        UUID id = customer("PROACTIVE", email);
        UUID contact = checkIn(id, "2026-05-05T10:00:00Z");
        clock.set("2026-05-05T10:00:00Z");
        dispatcher.runUntilDone("test");
        clock.set("2026-05-05T21:30:00Z"); // 22:30 in London: quiet hours (20:00-08:00)
        delivery.runUntilDone();
        assertThat(mail.messagesTo(email)).isEmpty();
        assertThat(str("select state from message_delivery where contact_id = ?1", contact))
                .isEqualTo("QUEUED");
        clock.set("2026-05-06T07:00:00Z"); // 08:00 in London
        delivery.runUntilDone();
        single(email);
    }

    @Test
    void noMailOverTheCap() {
        String email = "cap-" + UUID.randomUUID() + "@example.org";
        UUID id = customer("PROACTIVE", email);
        checkIn(id, "2026-05-05T10:00:00Z");
        UUID second = checkIn(id, "2026-05-05T10:05:00Z"); // moved past the 1-in-3-days cap
        clock.set("2026-05-05T10:05:00Z");
        runJobs();
        assertThat(mail.messagesTo(email)).hasSize(1);
        assertThat(str("select state from contact where id = ?1", second)).isEqualTo("PLANNED");
    }

    @Test
    void noMailWhileAComplaintIsOpen() {
        String email = "complaint-" + UUID.randomUUID() + "@example.org";
        UUID id = customer("PROACTIVE", email);
        UUID contact = checkIn(id, "2026-05-05T10:00:00Z");
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId",
                        id,
                        "channel",
                        "PHONE",
                        "category",
                        "DELIVERY",
                        "severity",
                        "LOW",
                        "description",
                        "parcel late"))
                .post("/api/v1/engagement/complaints")
                .then()
                .statusCode(201);
        clock.set("2026-05-05T10:00:00Z");
        runJobs();
        assertThat(mail.messagesTo(email)).isEmpty();
        assertThat(str("select paused_reason from contact where id = ?1", contact))
                .contains("COMPLAINT_OPEN");
    }

    @Test
    void theUnsubscribeLinkWithdrawsConsentAndTheNextMessageIsNotSent() {
        String email = "unsub-" + UUID.randomUUID() + "@example.org";
        UUID id = customer("PROACTIVE", email);
        checkIn(id, "2026-05-05T10:00:00Z");
        clock.set("2026-05-05T10:00:00Z");
        runJobs();
        String link = single(email).listUnsubscribe().replaceAll("^<|>$", "");
        String path = link.substring(link.indexOf("/unsubscribe/"));

        given().get(path).then().statusCode(200); // the page only asks
        assertThat(str("select cast(consent_email as varchar) from customer_profile where customer_id = ?1", id))
                .isEqualTo("true");
        given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .post(path)
                .then()
                .statusCode(200);
        given().get(path.substring(0, path.length() - 3) + "xyz").then().statusCode(404);
        given().accept(ContentType.JSON)
                .contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .post(path.substring(0, path.length() - 3) + "xyz")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(400);

        assertThat(str("select cast(consent_email as varchar) from customer_profile where customer_id = ?1", id))
                .isEqualTo("false");
        assertThat(str("select source || ':' || method from consent_withdrawal where customer_id = ?1", id))
                .isEqualTo("unsubscribe-link:ONE_CLICK");
        assertThat(count(
                        "select count(*) from rapport_outbox where type = 'rapport.engagement.unsubscribed.v1'"
                                + " and subject = cast(?1 as varchar)",
                        id))
                .isEqualTo(1);

        clock.set("2026-05-12T10:00:00Z");
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId", id, "channel", "EMAIL", "purpose", "CHECK_IN", "dueAt", "2026-05-13T10:00:00Z"))
                .post("/api/v1/engagement/contacts")
                .then()
                .statusCode(201);
        clock.set("2026-05-13T10:00:00Z");
        runJobs();
        assertThat(mail.messagesTo(email)).hasSize(1);
    }

    @Test
    void aDueMessageIsDeliveredBehindMoreThanABatchOfUndeliverableOnes() {
        String email = "behind-" + UUID.randomUUID() + "@example.org";
        UUID id = customer("PROACTIVE", email);
        checkIn(id, "2026-05-05T10:00:00Z");
        String run = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into contact (id, customer_id, source_key, channel, purpose, state, requested_at, due_at, expires_at,
                                         assignee_id, customer_value, created_by, created_at, outcome, closed_at)
                    select gen_random_uuid(), gen_random_uuid(), ?1 || ':' || g, 'EMAIL', 'CHECK_IN', 'DONE',
                           timestamptz '2026-05-05 09:00Z', timestamptz '2026-05-05 09:00Z', timestamptz '2026-05-19 09:00Z',
                           'automation', 0, 'test', timestamptz '2026-05-01 00:00Z', 'QUEUED', timestamptz '2026-05-05 09:00Z'
                      from generate_series(1, 120) g
                    """).setParameter(1, "orphan-" + run).executeUpdate();
            em.createNativeQuery("""
                    insert into message_delivery (contact_id, customer_id, channel, purpose, state, next_attempt_at, queued_at, updated_at)
                    select id, customer_id, 'EMAIL', 'CHECK_IN', 'QUEUED', due_at, due_at, due_at from contact where source_key like ?1
                    """).setParameter(1, "orphan-" + run + ":%").executeUpdate();
        });
        clock.set("2026-05-05T10:00:00Z");
        runJobs();
        single(email);
    }

    @Test
    void theUnsubscribeRouteIsDocumented() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/unsubscribe/{token}'.post.operationId", org.hamcrest.Matchers.equalTo("unsubscribe"))
                .body(
                        "paths.'/unsubscribe/{token}'.get.operationId",
                        org.hamcrest.Matchers.equalTo("showUnsubscribePage"));
    }

    @Test
    void anSmtpOutageLeadsToRetriesAndThenOneDelivery() {
        String email = "outage-" + UUID.randomUUID() + "@example.org";
        UUID id = customer("PROACTIVE", email);
        UUID contact = checkIn(id, "2026-05-05T10:00:00Z");
        clock.set("2026-05-05T10:00:00Z");
        mail.stopSmtp();
        try {
            runJobs();
            clock.set("2026-05-05T10:01:00Z");
            delivery.runUntilDone();
            assertThat(str("select state from message_delivery where contact_id = ?1", contact))
                    .isEqualTo("RETRY");
            assertThat(count(
                            "select count(*) from delivery_attempt where contact_id = ?1 and outcome = 'RETRY'",
                            contact))
                    .isEqualTo(2);
        } finally {
            mail.startSmtp();
        }
        clock.set("2026-05-05T10:10:00Z");
        delivery.runUntilDone();
        delivery.runUntilDone();
        assertThat(mail.messagesTo(email)).hasSize(1);
        assertThat(str("select state || ':' || attempts from message_delivery where contact_id = ?1", contact))
                .isEqualTo("SENT:3");
    }

    @Test
    void aClaimWithoutAnOutcomeIsNeverSentAgain() {
        String email = "crash-" + UUID.randomUUID() + "@example.org";
        UUID id = customer("PROACTIVE", email);
        UUID contact = checkIn(id, "2026-05-05T10:00:00Z");
        clock.set("2026-05-05T10:00:00Z");
        dispatcher.runUntilDone("test");
        // a replica claimed it and died before recording the outcome
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update message_delivery set state = 'SENDING',"
                                + " attempts = 1, claimed_at = ?2 where contact_id = ?1")
                        .setParameter(1, contact)
                        .setParameter(2, Instant.parse("2026-05-05T10:00:00Z"))
                        .executeUpdate());
        clock.set("2026-05-05T10:30:00Z");
        delivery.runUntilDone();
        assertThat(mail.messagesTo(email)).isEmpty();
        assertThat(str("select state || ':' || failure from message_delivery where contact_id = ?1", contact))
                .isEqualTo("FAILED:UNKNOWN_OUTCOME");
    }

    @Test
    void anSmsGoesToTheHttpProviderWithItsAuthHeader() {
        UUID id = fixtures.customer("Europe/London", "rep", Map.of("SMS", true), List.of("SMS"), "PROACTIVE", "100.00");
        DirectoryStub.customer(id, "Bob", "Builder", null, "+447700900123", "en-GB");
        UUID contact = UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of(
                        "customerId", id, "channel", "SMS", "purpose", "CHECK_IN", "dueAt", "2026-05-05T10:00:00Z"))
                .post("/api/v1/engagement/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        clock.set("2026-05-05T10:00:00Z");
        runJobs();
        assertThat(DirectoryStub.SMS)
                .filteredOn(r -> r.body().contains(contact.toString()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.auth()).isEqualTo("sms-secret");
                    assertThat(r.body())
                            .contains("\"to\":\"+447700900123\"")
                            .contains("Dear Bob Builder")
                            .contains("\"from\":\"Rapport\"");
                });
        assertThat(str("select state from message_delivery where contact_id = ?1", contact))
                .isEqualTo("SENT");
    }

    private static final UUID PROGRAMME = UUID.randomUUID();

    private UUID customer(String level, String email) {
        UUID id = fixtures.customer("Europe/London", "rep", Map.of("EMAIL", true), List.of("EMAIL"), level, "100.00");
        DirectoryStub.customer(id, "Ada", "Lovelace", email, null, "en-GB");
        return id;
    }

    private UUID checkIn(UUID id, String due) {
        return UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("customerId", id, "channel", "EMAIL", "purpose", "CHECK_IN", "dueAt", due))
                .post("/api/v1/engagement/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    private void runJobs() {
        dispatcher.runUntilDone("test");
        delivery.runUntilDone();
    }

    private CapturedMail single(String email) {
        List<CapturedMail> mails = mail.messagesTo(email);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private UUID contactId(UUID customer, String purpose) {
        return QuarkusTransaction.requiringNew().call(() -> contactIdInTx(customer, purpose));
    }

    private UUID contactIdInTx(UUID customer, String purpose) {
        List<?> ids = em.createNativeQuery("select id from contact where customer_id = ?1 and purpose = ?2")
                .setParameter(1, customer)
                .setParameter(2, purpose)
                .getResultList();
        return ids.isEmpty() ? null : (UUID) ids.get(0);
    }

    private Instant dueAt(UUID contact) {
        Object o = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select due_at from contact where id = ?1")
                        .setParameter(1, contact)
                        .getSingleResult());
        return o instanceof Instant i ? i : ((java.time.OffsetDateTime) o).toInstant();
    }

    private String str(String sql, UUID id) {
        Object o = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(sql).setParameter(1, id).getSingleResult());
        return o == null ? null : o.toString();
    }

    private long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue());
    }
}
