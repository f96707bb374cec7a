package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.EventType;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.devstack.TestKafka;
import io.rapport.engagement.domain.PurchaseFact;
import io.rapport.engagement.service.CustomerProjectionService;
import io.rapport.engagement.service.PurchaseScheduling;
import io.rapport.platform.inbox.CustomerEventsChannel;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A registration of a customer engagement has no row of is written as the new row and not followed (issue 18: no
 * contacts, complaints or plans can exist yet); everything else that registers a customer is applied as before: the row
 * is the one a stub with the registration applied would be, and a re-registration, or a registration after a merge
 * earlier in the same poll brought contacts to the customer, still moves open contacts off a channel without consent.
 */
@QuarkusTest
class NewCustomerRegistrationIT {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final String ROW = "select time_zone, owner_id, consent_phone, consent_email, consent_sms,"
            + " consent_post, do_not_contact, channel_preference, status, level, level_source, level_reason,"
            + " value_score, top_customer, merged_into, erased, updated_at, version, last_purchase_id"
            + " from customer_profile where customer_id = ?1";

    @Inject
    TestClock clock;

    @Inject
    Fixtures fixtures;

    @Inject
    CustomerEventsChannel consumer;

    @Inject
    CustomerProjectionService projection;

    @Inject
    PurchaseScheduling purchases;

    @Inject
    EntityManager em;

    @BeforeEach
    void monday() {
        clock.set("2026-05-04T08:00:00Z");
    }

    @Test
    void theRowOfANewCustomerIsTheStubWithTheRegistrationApplied() {
        UUID polled = UUID.randomUUID();
        UUID applied = UUID.randomUUID();
        Map<String, Boolean> consents = Map.of("PHONE", true, "SMS", false);
        List<String> preference = List.of("SMS", "PHONE");

        consumer.onBatch(TestKafka.poll(
                List.of(registered(Fixtures.snapshot(polled, "Europe/Paris", "rep-n", consents, preference)))));
        projection.snapshot(Fixtures.snapshot(applied, "Europe/Paris", "rep-n", consents, preference));

        assertThat(row(polled)).isEqualTo(row(applied)).contains("Europe/Paris", "rep-n", "SMS,PHONE", 1L);
    }

    @Test
    void aReRegistrationOfAKnownCustomerStillMovesItsContactsOffAWithdrawnChannel() {
        UUID known = smsCustomerWithASatisfactionCheck();

        consumer.onBatch(TestKafka.poll(List.of(registered(Fixtures.snapshot(
                known, "Europe/London", "rep-p", Map.of("PHONE", true, "SMS", false), List.of("SMS", "PHONE"))))));

        assertThat(channelOfTheSatisfactionCheck(known)).isEqualTo("PHONE");
    }

    @Test
    void aRegistrationAfterAMergeIntoTheSameNewCustomerEarlierInThePollIsFollowed() {
        // a phone check: PHONE needs no explicit consent, so the merge's re-placing for the survivor's stub keeps it
        UUID duplicate = customerWithASatisfactionCheck(List.of("PHONE", "EMAIL"), "PHONE");
        UUID survivor = UUID.randomUUID();

        consumer.onBatch(TestKafka.poll(List.of(
                record(
                        CustomerEvents.MERGED,
                        duplicate,
                        new CustomerMerged(
                                survivor.toString(),
                                duplicate.toString(),
                                "steward",
                                Instant.parse("2026-05-04T07:00:00Z"))),
                registered(Fixtures.snapshot(
                        survivor,
                        "Europe/London",
                        "rep-p",
                        Map.of("PHONE", false, "EMAIL", true),
                        List.of("PHONE", "EMAIL"))))));

        assertThat(contacts(survivor))
                .as("the registration refused PHONE after the merge brought the check: it moved to EMAIL")
                .containsExactly("SATISFACTION_CHECK EMAIL PLANNED null");
    }

    private static List<String> contacts(UUID id) {
        return given().get("/api/v1/engagement/customers/{id}/contacts", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.collect { it.purpose + ' ' + it.channel + ' ' + it.state + ' ' + it.pausedReason }");
    }

    /** An ACCOUNTABLE customer preferring SMS, with consent, whose purchase planned a satisfaction check by SMS. */
    private UUID smsCustomerWithASatisfactionCheck() {
        return customerWithASatisfactionCheck(List.of("SMS", "PHONE"), "SMS");
    }

    /** An ACCOUNTABLE customer consenting to every channel, whose purchase planned a satisfaction check. */
    private UUID customerWithASatisfactionCheck(List<String> preference, String channel) {
        UUID id = fixtures.customer(
                "Europe/London",
                "rep-p",
                Map.of("PHONE", true, "SMS", true, "EMAIL", true),
                preference,
                "ACCOUNTABLE",
                "100");
        QuarkusTransaction.requiringNew()
                .run(() -> purchases.schedule(
                        List.of(new PurchaseFact("new-" + id, id, Instant.parse("2026-05-04T07:00:00Z")))));
        assertThat(channelOfTheSatisfactionCheck(id)).isEqualTo(channel);
        return id;
    }

    private static String channelOfTheSatisfactionCheck(UUID id) {
        return given().queryParam("state", "PLANNED")
                .get("/api/v1/engagement/customers/{id}/contacts", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items.find { it.purpose == 'SATISFACTION_CHECK' }.channel");
    }

    private List<Object> row(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Arrays.asList(
                        (Object[]) em.createNativeQuery(ROW).setParameter(1, id).getSingleResult()));
    }

    private static ConsumerRecord<String, String> registered(CustomerSnapshot s) {
        return record(CustomerEvents.REGISTERED, UUID.fromString(s.customerId()), new CustomerRegistered(s));
    }

    private static ConsumerRecord<String, String> record(EventType type, UUID subject, Object payload) {
        try {
            return TestKafka.consumed(TestKafka.cloudEvent(
                    type.topic(),
                    UUID.randomUUID().toString(),
                    type.name(),
                    "/customer-service",
                    subject.toString(),
                    JSON.writeValueAsString(payload)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
