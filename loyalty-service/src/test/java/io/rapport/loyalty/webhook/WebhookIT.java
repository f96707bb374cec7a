package io.rapport.loyalty.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.devstack.TestKafka;
import io.rapport.loyalty.Fixtures;
import io.rapport.loyalty.TestClock;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Partner webhooks end to end on the real broker and database, delivered to a real HTTP receiver on a random local port
 * (127.0.0.1 is on the test allow-list). The dispatcher's timer is off in tests: each test runs it and moves the
 * service's clock instead of waiting.
 */
@QuarkusTest
class WebhookIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PARTNER = "X-Rapport-Partner-Id";
    static final String CONTACT = "rapport.engagement.contact-scheduled.v1";

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    TestClock clock;

    final List<String> subscriptions = new ArrayList<>();
    final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        clock.reset();
        subscriptions.forEach(id -> given().delete("/api/v1/webhooks/subscriptions/{id}", id));
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void aReceiverGetsTheSignedCloudEventAndTheSignatureVerifiesWithTheDocumentedAlgorithm() throws Exception {
        WebhookReceiver r = receiver(new WebhookReceiver());
        Map<String, Object> created = clientSubscription(r.url(), "rapport.engagement.*");
        String secret = (String) created.get("secret");
        assertThat(secret).startsWith("whsec_");
        String subject = UUID.randomUUID().toString();
        String eventId =
                TestKafka.send("engagement.events", CONTACT, subject, "{\"contactId\":\"c-1\",\"channel\":\"PHONE\"}");

        dispatchUntil(() -> r.requests().size() >= 1);
        WebhookReceiver.Request req = r.requests().get(0);
        assertThat(req.header("content-type")).isEqualTo("application/cloudevents+json");
        assertThat(req.header("webhook-id")).isEqualTo(eventId);
        long ts = Long.parseLong(req.header("webhook-timestamp"));
        assertThat(Math.abs(ts - Instant.now().getEpochSecond())).isLessThan(300);
        String expected = "v1," + hmac(secret, eventId + "." + ts + "." + req.body());
        assertThat(req.header("webhook-signature")).isEqualTo(expected);
        JsonNode ce = JSON.readTree(req.body());
        assertThat(ce.path("specversion").asText()).isEqualTo("1.0");
        assertThat(ce.path("id").asText()).isEqualTo(eventId);
        assertThat(ce.path("type").asText()).isEqualTo(CONTACT);
        assertThat(ce.path("subject").asText()).isEqualTo(subject);
        assertThat(ce.path("data").path("contactId").asText()).isEqualTo("c-1");
        assertThat(get(created).path("secret").isMissingNode())
                .as("the secret is never shown again")
                .isTrue();
    }

    @Test
    void aReceiverAnswering500TwiceThen200GetsTheEventExactlyOnceMoreAfterEachFailure() throws Exception {
        WebhookReceiver r = receiver(new WebhookReceiver()).answer(500, 500);
        String sub = id(clientSubscription(r.url(), CONTACT));
        String eventId =
                TestKafka.send("engagement.events", CONTACT, UUID.randomUUID().toString(), "{}");
        awaitDeliveries(sub, 1);

        dispatcher.dispatchDue();
        assertThat(r.requests()).hasSize(1);
        dispatcher.dispatchDue();
        assertThat(r.requests()).as("not due again before its retry time").hasSize(1);
        JsonNode pending = deliveries(sub).get(0);
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("lastStatusCode").asInt()).isEqualTo(500);
        assertThat(Instant.parse(pending.path("nextAttemptAt").asText())).isAfter(Instant.now());

        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchDue();
        assertThat(r.requests()).hasSize(2);
        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchDue();
        assertThat(r.requests()).hasSize(3);
        clock.advance(Duration.ofHours(5));
        dispatcher.dispatchDue();
        assertThat(r.requests()).as("delivered: never again").hasSize(3);
        assertThat(r.requests())
                .allSatisfy(q -> assertThat(q.header("webhook-id")).isEqualTo(eventId));

        JsonNode d = deliveries(sub).get(0);
        assertThat(d.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(d.path("attempts").asInt()).isEqualTo(3);
        JsonNode detail = json(given().get(
                        "/api/v1/webhooks/subscriptions/{s}/deliveries/{d}",
                        sub,
                        d.path("id").asText())
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(detail.path("attempts").findValuesAsText("statusCode")).containsExactly("500", "500", "200");
    }

    @Test
    void aReceiverDownForAWhileGetsEverythingOnceInOrderPerCustomerWhenItIsBack() throws Exception {
        WebhookReceiver down = new WebhookReceiver();
        int port = down.port();
        down.close();
        String sub = id(clientSubscription("http://127.0.0.1:" + port + "/hook", CONTACT));
        String alice = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        List<String> aliceEvents = new ArrayList<>();
        List<String> bobEvents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            aliceEvents.add(TestKafka.send("engagement.events", CONTACT, alice, "{\"n\":" + i + "}"));
            bobEvents.add(TestKafka.send("engagement.events", CONTACT, bob, "{\"n\":" + i + "}"));
        }
        awaitDeliveries(sub, 6);
        dispatcher.dispatchDue();
        List<JsonNode> log = deliveries(sub);
        assertThat(log)
                .filteredOn(d -> d.path("attempts").asInt() > 0)
                .as("only each customer's first event was tried")
                .hasSize(2);
        assertThat(log).allSatisfy(d -> assertThat(d.path("status").asText()).isEqualTo("PENDING"));
        clock.advance(Duration.ofMinutes(10));
        dispatcher.dispatchDue();

        WebhookReceiver back = receiver(new WebhookReceiver(port));
        for (int i = 0; i < 10 && back.requests().size() < 6; i++) {
            clock.advance(Duration.ofHours(1));
            dispatcher.dispatchDue();
        }
        List<String> ids =
                back.requests().stream().map(q -> q.header("webhook-id")).toList();
        assertThat(ids).hasSize(6).doesNotHaveDuplicates();
        assertThat(ids.stream().filter(aliceEvents::contains).toList()).containsExactlyElementsOf(aliceEvents);
        assertThat(ids.stream().filter(bobEvents::contains).toList()).containsExactlyElementsOf(bobEvents);
    }

    @Test
    void failingForTheWholeRetryWindowDisablesTheSubscriptionWithAReasonAndDeliveriesStop() throws Exception {
        WebhookReceiver r = receiver(new WebhookReceiver()).always(503);
        String sub = id(clientSubscription(r.url(), CONTACT));
        TestKafka.send("engagement.events", CONTACT, UUID.randomUUID().toString(), "{}");
        awaitDeliveries(sub, 1);
        Instant start = Instant.now();
        for (int i = 0; i < 40 && !"DISABLED".equals(status(sub)); i++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofHours(2));
        }
        JsonNode s = get(sub);
        assertThat(s.path("status").asText()).isEqualTo("DISABLED");
        assertThat(s.path("disabledReason").asText()).contains("HTTP 503").contains("PT24H");
        JsonNode d = deliveries(sub).get(0);
        assertThat(d.path("status").asText()).isEqualTo("FAILED");
        assertThat(Duration.between(start, Instant.parse(d.path("lastAttemptAt").asText())))
                .isGreaterThanOrEqualTo(Duration.ofHours(24));
        int attempts = r.requests().size();
        assertThat(attempts).isEqualTo(d.path("attempts").asInt());

        TestKafka.send("engagement.events", CONTACT, UUID.randomUUID().toString(), "{}");
        clock.advance(Duration.ofHours(2));
        dispatcher.dispatchDue();
        assertThat(r.requests()).as("a disabled subscription gets nothing").hasSize(attempts);
    }

    @Test
    void aPausedSubscriptionStopsAndResumesWhenActivated() throws Exception {
        WebhookReceiver r = receiver(new WebhookReceiver());
        String sub = id(clientSubscription(r.url(), CONTACT));
        TestKafka.send("engagement.events", CONTACT, UUID.randomUUID().toString(), "{}");
        awaitDeliveries(sub, 1);
        patch(sub, Map.of("status", "PAUSED")).then().statusCode(200);
        dispatcher.dispatchDue();
        assertThat(r.requests()).isEmpty();
        patch(sub, Map.of("status", "ACTIVE")).then().statusCode(200);
        dispatcher.dispatchDue();
        assertThat(r.requests()).hasSize(1);
    }

    @Inject
    WebhookFanOut fanOut;

    /**
     * The four fan-out channels ask on every poll whether any subscription is active (issue 18: it was a transaction
     * and a count per poll and channel, 40% of the consumer's samples in a catch-up). A new subscription counts at once;
     * a "yes" is remembered for five seconds of the clock, then asked again.
     */
    @Test
    void anActiveSubscriptionCountsAtOnceAndAYesIsRememberedForFiveSecondsOfTheClock() throws Exception {
        WebhookReceiver r = receiver(new WebhookReceiver());
        String sub = id(clientSubscription(r.url(), CONTACT));
        // a yes remembered from an earlier test or poll would end its window before this test's: let it lapse first
        clock.advance(WebhookFanOut.ACTIVE_REMEMBERED.plusSeconds(1));
        assertThat(fanOut.anyActive()).isTrue();
        patch(sub, Map.of("status", "PAUSED")).then().statusCode(200);
        boolean othersActive = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> WebhookSubscription.count("status", WebhookSubscription.ACTIVE) > 0);
        clock.advance(WebhookFanOut.ACTIVE_REMEMBERED.minusSeconds(1));
        assertThat(fanOut.anyActive()).as("remembered within the window").isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(fanOut.anyActive()).as("asked again after the window").isEqualTo(othersActive);
        patch(sub, Map.of("status", "ACTIVE")).then().statusCode(200);
        assertThat(fanOut.anyActive())
                .as("a subscription active again counts at once")
                .isTrue();
    }

    @Test
    void afterARotationBothSecretsSignDuringTheGracePeriodAndOnlyTheNewOneAfterIt() throws Exception {
        WebhookReceiver r = receiver(new WebhookReceiver());
        Map<String, Object> created = clientSubscription(r.url(), CONTACT);
        String old = (String) created.get("secret");
        String fresh = given().post("/api/v1/webhooks/subscriptions/{id}/rotate-secret", id(created))
                .then()
                .statusCode(200)
                .extract()
                .path("secret");
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);

        given().post("/api/v1/webhooks/subscriptions/{id}/ping", id(created))
                .then()
                .statusCode(200)
                .body("success", org.hamcrest.Matchers.equalTo(true))
                .body("statusCode", org.hamcrest.Matchers.equalTo(200));
        WebhookReceiver.Request inGrace = r.requests().get(0);
        assertThat(inGrace.header("webhook-signature").split(" "))
                .containsExactlyInAnyOrder(sig(fresh, inGrace), sig(old, inGrace));

        clock.advance(Duration.ofHours(25));
        given().post("/api/v1/webhooks/subscriptions/{id}/ping", id(created))
                .then()
                .statusCode(200);
        WebhookReceiver.Request after = r.requests().get(1);
        assertThat(after.header("webhook-signature"))
                .isEqualTo(sig(fresh, after))
                .doesNotContain(sig(old, after));
    }

    @Test
    void privateAndLoopbackTargetsUnknownTypesAndBadInputAreProblemsNamingTheField() throws Exception {
        for (String url : List.of(
                "https://10.0.0.5/hook",
                "https://192.168.1.1/",
                "https://169.254.169.254/latest/meta-data",
                "https://127.0.0.2/",
                "https://[::1]/",
                "https://[fd00::1]/",
                "http://127.0.0.2:8080/",
                "ftp://example.org/",
                "not a url")) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("url", url, "eventTypes", List.of(CONTACT), "integrationClient", "erp"))
                    .post("/api/v1/webhooks/subscriptions")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("url"))
                    .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(url)));
        }
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "url",
                        "http://127.0.0.1:9/hook",
                        "eventTypes",
                        List.of(CONTACT, "rapport.secret.stuff.v1"),
                        "integrationClient",
                        "erp"))
                .post("/api/v1/webhooks/subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("eventTypes[1]"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret.stuff")));
        given().contentType(ContentType.JSON)
                .body("{\"url\":")
                .post("/api/v1/webhooks/subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of(CONTACT)))
                .post("/api/v1/webhooks/subscriptions")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("integrationClient"));
        given().header("X-Rapport-Roles", "marketing")
                .get("/api/v1/webhooks/subscriptions")
                .then()
                .statusCode(403);
    }

    @Test
    void aPartnerGetsOnlyItsOwnLinkedMembersEventsWithoutPersonalDataAndSeesOnlyItsOwnSubscriptions() throws Exception {
        String programme = Fixtures.programme(0, 0);
        String hotel = partner(programme, "Hotel");
        String travel = partner(programme, "Travel");
        Map<String, Object> guest = Fixtures.enrol(programme, UUID.randomUUID());
        Map<String, Object> flyer = Fixtures.enrol(programme, UUID.randomUUID());
        link((String) guest.get("id"), hotel);
        link((String) flyer.get("id"), travel);
        WebhookReceiver hotelHooks = receiver(new WebhookReceiver());
        WebhookReceiver travelHooks = receiver(new WebhookReceiver());
        String hotelSub = id(given().header(PARTNER, hotel)
                .contentType(ContentType.JSON)
                .body(Map.of("url", hotelHooks.url(), "eventTypes", List.of("rapport.loyalty.*")))
                .post("/api/v1/webhooks/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class));
        String travelSub = id(given().header(PARTNER, travel)
                .contentType(ContentType.JSON)
                .body(Map.of("url", travelHooks.url(), "eventTypes", List.of("rapport.loyalty.points-earned.v1")))
                .post("/api/v1/webhooks/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class));
        subscriptions.addAll(List.of(hotelSub, travelSub));

        given().header(PARTNER, hotel)
                .contentType(ContentType.JSON)
                .body(Map.of("url", hotelHooks.url(), "eventTypes", List.of("rapport.customer.*")))
                .post("/api/v1/webhooks/subscriptions")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("eventTypes[0]"));
        given().header(PARTNER, hotel)
                .get("/api/v1/webhooks/subscriptions/{id}", travelSub)
                .then()
                .statusCode(404);
        given().header(PARTNER, hotel)
                .contentType(ContentType.JSON)
                .body(Map.of("status", "PAUSED"))
                .patch("/api/v1/webhooks/subscriptions/{id}", travelSub)
                .then()
                .statusCode(404);
        given().header(PARTNER, hotel)
                .delete("/api/v1/webhooks/subscriptions/{id}", travelSub)
                .then()
                .statusCode(404);
        given().header(PARTNER, hotel)
                .post("/api/v1/webhooks/subscriptions/{id}/rotate-secret", travelSub)
                .then()
                .statusCode(404);
        given().header(PARTNER, hotel)
                .get("/api/v1/webhooks/subscriptions/{id}/deliveries", travelSub)
                .then()
                .statusCode(404);
        assertThat(given().header(PARTNER, hotel)
                        .get("/api/v1/webhooks/subscriptions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("id", String.class))
                .containsExactly(hotelSub);

        Fixtures.adjust((String) guest.get("id"), 40);
        Fixtures.adjust((String) flyer.get("id"), 70);
        dispatchUntil(() ->
                hotelHooks.requests().size() >= 1 && travelHooks.requests().size() >= 1);

        for (WebhookReceiver.Request q : hotelHooks.requests()) {
            JsonNode ce = JSON.readTree(q.body());
            assertThat(ce.path("subject").asText()).isEqualTo(guest.get("memberNumber"));
            assertThat(ce.path("data").path("memberNumber").asText()).isEqualTo(guest.get("memberNumber"));
            assertThat(q.body())
                    .doesNotContain((String) flyer.get("memberNumber"))
                    .doesNotContain("customerId")
                    .doesNotContain("balance")
                    .doesNotContain((String) guest.get("customerId"));
        }
        JsonNode earned = JSON.readTree(hotelHooks.requests().get(0).body());
        assertThat(earned.path("type").asText()).isEqualTo("rapport.loyalty.points-earned.v1");
        assertThat(earned.path("data").path("points").asLong()).isEqualTo(40);
        assertThat(travelHooks.requests())
                .allSatisfy(q -> assertThat(q.body())
                        .contains((String) flyer.get("memberNumber"))
                        .doesNotContain((String) guest.get("memberNumber")));
        assertThat(given().header(PARTNER, hotel)
                        .get("/api/v1/webhooks/subscriptions/{id}/deliveries", hotelSub)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.eventType", String.class))
                .containsOnly("rapport.loyalty.points-earned.v1");
    }

    @Test
    void oneEventOrATimeRangeCanBeRedeliveredWithTheSameWebhookId() throws Exception {
        WebhookReceiver r = receiver(new WebhookReceiver());
        String sub = id(clientSubscription(r.url(), CONTACT));
        String first =
                TestKafka.send("engagement.events", CONTACT, UUID.randomUUID().toString(), "{}");
        String second =
                TestKafka.send("engagement.events", CONTACT, UUID.randomUUID().toString(), "{}");
        awaitDeliveries(sub, 2);
        dispatcher.dispatchDue();
        assertThat(r.requests()).hasSize(2);

        String delivery = deliveries(sub).stream()
                .filter(d -> d.path("eventId").asText().equals(first))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();
        given().post("/api/v1/webhooks/subscriptions/{s}/deliveries/{d}/redeliver", sub, delivery)
                .then()
                .statusCode(202)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"));
        dispatcher.dispatchDue();
        assertThat(r.requests()).hasSize(3);
        assertThat(r.requests().get(2).header("webhook-id")).isEqualTo(first);

        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "from",
                        Instant.now().minusSeconds(3600).toString(),
                        "to",
                        Instant.now().plusSeconds(3600).toString()))
                .post("/api/v1/webhooks/subscriptions/{s}/redeliver", sub)
                .then()
                .statusCode(202)
                .body("requeued", org.hamcrest.Matchers.equalTo(2));
        dispatcher.dispatchDue();
        assertThat(r.requests().subList(3, 5))
                .extracting(q -> q.header("webhook-id"))
                .containsExactlyInAnyOrder(first, second);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "from",
                        Instant.now().toString(),
                        "to",
                        Instant.now().minusSeconds(1).toString()))
                .post("/api/v1/webhooks/subscriptions/{s}/redeliver", sub)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void twoDispatchersRunningAtOnceSendEveryEventExactlyOnce() throws Exception {
        WebhookReceiver r = receiver(new WebhookReceiver());
        String sub = id(clientSubscription(r.url(), CONTACT));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            sent.add(TestKafka.send(
                    "engagement.events", CONTACT, "customer-" + (i % 6) + "-" + sub, "{\"n\":" + i + "}"));
        }
        awaitDeliveries(sub, 24);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(dispatcher::dispatchDue);
            var b = pool.submit(dispatcher::dispatchDue);
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        dispatchUntil(() -> r.requests().size() >= 24);
        dispatcher.dispatchDue();
        // every request the receiver got is distinct; an event another test sent just before may reach this new
        // subscription too (the fan-out matches the subscriptions active when it reads the event), so count ours
        List<String> ids =
                r.requests().stream().map(q -> q.header("webhook-id")).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids.stream().filter(sent::contains).toList()).containsExactlyInAnyOrderElementsOf(sent);
        String metrics = given().port(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getValue("quarkus.management.test-port", Integer.class))
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics)
                .contains("rapport_webhook_attempts_total{outcome=\"success\"}")
                .contains("rapport_webhook_queued_total")
                .contains("rapport_webhook_pending")
                .contains("rapport_webhook_attempt_duration_seconds_count");
    }

    @Test
    void aCustomersErasureRemovesThatCustomersQueuedDeliveries() throws Exception {
        WebhookReceiver r = receiver(new WebhookReceiver());
        String sub = id(clientSubscription(r.url(), CONTACT));
        String erased = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        TestKafka.send("engagement.events", CONTACT, erased, "{\"note\":\"about the erased one\"}");
        TestKafka.send("engagement.events", CONTACT, kept, "{}");
        awaitDeliveries(sub, 2);
        TestKafka.send(
                "customer.events",
                "rapport.customer.erased.v1",
                erased,
                "{\"customerId\":\"" + erased + "\",\"occurredAt\":\"" + Instant.now() + "\"}");
        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries(sub).size() == 1);
        dispatcher.dispatchDue();
        assertThat(r.requests()).hasSize(1);
        assertThat(JSON.readTree(r.requests().get(0).body()).path("subject").asText())
                .isEqualTo(kept);
    }

    @Test
    void personalFieldsOfOlderCustomerEventsAreNeverForwarded() throws Exception {
        WebhookReceiver r = receiver(new WebhookReceiver());
        String sub = id(clientSubscription(r.url(), "rapport.customer.registered.v1"));
        String customer = UUID.randomUUID().toString();
        TestKafka.send(
                "customer.events",
                "rapport.customer.registered.v1",
                customer,
                "{\"customer\":{\"customerId\":\"" + customer
                        + "\",\"kind\":\"CONSUMER\",\"status\":\"ACTIVE\",\"displayName\":\"Webhookina Secret\",\"primaryEmail\":"
                        + "\"w@example.org\",\"emails\":[\"w@example.org\"],\"consents\":{},\"doNotContact\":false,"
                        + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"version\":1}}");
        awaitDeliveries(sub, 1);
        dispatcher.dispatchDue();
        assertThat(r.requests()).hasSize(1);
        String body = r.requests().get(0).body();
        assertThat(JSON.readTree(body)
                        .path("data")
                        .path("customer")
                        .path("customerId")
                        .asText())
                .isEqualTo(customer);
        assertThat(body).doesNotContain("Webhookina").doesNotContain("w@example.org");
    }

    @Test
    void whenTheMemberRevokesThePartnersLinkItsPendingDeliveriesAreCancelledUnsent() throws Exception {
        String programme = Fixtures.programme(0, 0);
        String shop = partner(programme, "Shop");
        Map<String, Object> member = Fixtures.enrol(programme, UUID.randomUUID());
        link((String) member.get("id"), shop);
        WebhookReceiver r = receiver(new WebhookReceiver()).always(500);
        String sub = id(given().header(PARTNER, shop)
                .contentType(ContentType.JSON)
                .body(Map.of("url", r.url(), "eventTypes", List.of("rapport.loyalty.points-earned.v1")))
                .post("/api/v1/webhooks/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class));
        subscriptions.add(sub);
        Fixtures.adjust((String) member.get("id"), 25);
        awaitDeliveries(sub, 1);
        dispatcher.dispatchDue();
        assertThat(r.requests()).hasSize(1);

        given().delete("/api/v1/loyalty/members/{id}/partner-links/{p}", member.get("id"), shop)
                .then()
                .statusCode(200);
        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchDue();
        assertThat(r.requests()).as("no attempt after the consent ended").hasSize(1);
        JsonNode d = json(given().header(PARTNER, shop)
                        .get("/api/v1/webhooks/subscriptions/{id}/deliveries", sub)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .path("items")
                .get(0);
        assertThat(d.path("status").asText()).isEqualTo("CANCELLED");
    }

    // --- helpers

    private WebhookReceiver receiver(WebhookReceiver r) {
        receivers.add(r);
        return r;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> clientSubscription(String url, String... types) {
        Map<String, Object> created = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "url",
                        url,
                        "eventTypes",
                        List.of(types),
                        "integrationClient",
                        "test-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/webhooks/subscriptions")
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .extract()
                .as(Map.class);
        subscriptions.add(id(created));
        return created;
    }

    @SuppressWarnings("unchecked")
    private static String id(Map<String, Object> created) {
        return (String) ((Map<String, Object>) created.get("subscription")).get("id");
    }

    private static JsonNode get(Map<String, Object> created) {
        return get(id(created));
    }

    private static JsonNode get(String id) {
        return json(given().get("/api/v1/webhooks/subscriptions/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static String status(String id) {
        return get(id).path("status").asText();
    }

    private static io.restassured.response.Response patch(String id, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).patch("/api/v1/webhooks/subscriptions/{id}", id);
    }

    private static List<JsonNode> deliveries(String sub) {
        List<JsonNode> out = new ArrayList<>();
        json(given().get("/api/v1/webhooks/subscriptions/{id}/deliveries?size=100", sub)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .path("items")
                .forEach(out::add);
        return out;
    }

    private static void awaitDeliveries(String sub, int n) {
        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries(sub).size() >= n);
    }

    private void dispatchUntil(java.util.concurrent.Callable<Boolean> done) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            dispatcher.dispatchDue();
            return done.call();
        });
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sig(String secret, WebhookReceiver.Request q) {
        return "v1," + hmac(secret, q.header("webhook-id") + "." + q.header("webhook-timestamp") + "." + q.body());
    }

    /** Standard Webhooks, written out independently of the service: base64(HMAC-SHA256(base64-decoded key, content)). */
    static String hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String partner(String programme, String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "programmeId", programme, "pointValue", "0.01"))
                .post("/api/v1/loyalty/partners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void link(String member, String partner) {
        given().contentType(ContentType.JSON)
                .body(Map.of("partnerId", partner, "source", "APP"))
                .post("/api/v1/loyalty/members/{id}/partner-links", member)
                .then()
                .statusCode(201);
    }
}
