package io.rapport.customer.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.Topics;
import io.rapport.contracts.engagement.EngagementEvents;
import io.rapport.devstack.TestKafka;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** engagement's Unsubscribed, through the real broker, withdraws the consent with source "unsubscribe-link". */
@QuarkusTest
class UnsubscribeConsumerIT {

    @Test
    void anUnsubscribeLinkWithdrawsTheChannelsConsentWithItsSource() {
        String id = Api.createPerson();
        given().contentType(ContentType.JSON)
                .body("{\"granted\":true,\"source\":\"form\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}")
                .put("/api/v1/customers/" + id + "/consents/EMAIL")
                .then()
                .statusCode(200);
        Instant clicked = Instant.now().minusSeconds(5);
        TestKafka.send(
                Topics.ENGAGEMENT,
                EngagementEvents.UNSUBSCRIBED.name(),
                id,
                "{\"customerId\":\"" + id
                        + "\",\"channel\":\"EMAIL\",\"contactId\":\"" + UUID.randomUUID()
                        + "\",\"method\":\"ONE_CLICK\",\"unsubscribedAt\":\""
                        + clicked + "\"}");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/v1/customers/" + id + "/consents")
                        .then()
                        .statusCode(200)
                        .body(
                                "history.findAll { it.channel == 'EMAIL' && !it.granted }.source",
                                hasItem("unsubscribe-link"))
                        .body("consents.findAll { it.channel == 'EMAIL' }.granted", hasItem(false)));
    }
}
