package io.rapport.segmentation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.EventType;
import io.rapport.contracts.customer.CostRecorded;
import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.contracts.customer.CustomerUpdated;
import io.rapport.contracts.customer.Money;
import io.rapport.contracts.customer.PurchaseLine;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.devstack.TestKafka;
import io.rapport.platform.inbox.CustomerEventsChannel;
import io.rapport.segmentation.CountingDb;
import io.rapport.segmentation.TestData;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A poll is applied with a constant number of SQL statements, whatever the number of its events (issue 18: a
 * consumer catches up at >= 2,000 events/s only when it does not pay a round trip per event), and the set-based
 * snapshots keep the rule that the newest snapshot of a customer wins.
 */
@QuarkusTest
class StatementsPerBatchIT {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    CustomerEventsChannel customerEvents;

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void aPollOfRegistrationsUpdatesPurchasesCostsAndErasuresTakesTheSameStatementsForTenOrAHundredCustomers() {
        statements(mixedPoll(5)); // warm-up: caches, stubs of the first poll

        int ten = statements(mixedPoll(10));
        int hundred = statements(mixedPoll(100));

        assertThat(hundred)
                .as("statements for a poll of 100 customers' events vs 10 customers' (%d)", ten)
                .isEqualTo(ten);
        assertThat(ten).as("statements per poll").isLessThanOrEqualTo(25);
    }

    @Test
    void theNewestSnapshotOfACustomerInOnePollWins() {
        UUID inOrder = UUID.randomUUID();
        UUID reordered = UUID.randomUUID();
        UUID unnumbered = UUID.randomUUID();
        UUID erased = UUID.randomUUID();

        poll(List.of(
                registered(inOrder, 1L, "100"),
                updated(inOrder, 2L, "200"),
                updated(reordered, 7L, "700"),
                updated(inOrder, 3L, "300"),
                updated(reordered, 6L, "600"),
                updated(unnumbered, null, "400"),
                updated(unnumbered, null, "500"),
                registered(erased, 1L, "900"),
                erased(erased),
                updated(erased, 2L, "950")));

        assertThat(wallet(inOrder)).isEqualByComparingTo("300");
        assertThat(wallet(reordered))
                .as("the higher sequence, though earlier in the poll")
                .isEqualByComparingTo("700");
        assertThat(wallet(unnumbered))
                .as("without sequences, the last in the poll")
                .isEqualByComparingTo("500");
        assertThat(data.text(
                        "select coalesce(wallet::text, 'none') from customer_profile where customer_id = ?", erased))
                .isEqualTo("none");
        assertThat(data.count(
                        "select count(*) from customer_profile where customer_id = ? and erased and kind is null",
                        erased))
                .isEqualTo(1);

        poll(List.of(updated(inOrder, 2L, "250"), updated(reordered, 8L, "800")));
        assertThat(wallet(inOrder))
                .as("an older snapshot in a later poll is stale")
                .isEqualByComparingTo("300");
        assertThat(wallet(reordered)).isEqualByComparingTo("800");
    }

    @Test
    void aPollOfMergesTakesTheSameStatementsForTenOrAHundredMerges() {
        statements(mergePoll(5)); // warm-up

        int ten = statements(mergePoll(10));
        int hundred = statements(mergePoll(100));

        assertThat(hundred)
                .as("statements for a poll of 100 merges vs 10 merges (%d)", ten)
                .isEqualTo(ten);
        assertThat(ten).as("statements per poll of merges").isLessThanOrEqualTo(25);
    }

    @Test
    void mergesInOnePollFollowEachOtherAsIfAppliedOneByOne() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        poll(List.of(
                registered(first, 1L, null),
                registered(second, 1L, "200"),
                registered(duplicate, 1L, "100"),
                registered(late, 1L, "50"),
                purchase(first, "10.00"),
                purchase(second, "20.00"),
                purchase(duplicate, "40.00"),
                purchase(late, "80.00"),
                purchase(older, "160.00"),
                merged(duplicate, older)));
        assertThat(revenue(duplicate)).isEqualByComparingTo("200");

        // duplicate (holding older) into first, first into second, then late into first (a tombstone by now)
        poll(List.of(merged(first, duplicate), merged(second, first), merged(first, late)));

        assertThat(revenue(second)).isEqualByComparingTo("310");
        for (UUID gone : List.of(first, duplicate, late, older)) {
            assertThat(revenue(gone)).as("figures left at %s", gone).isEqualByComparingTo("0");
            assertThat(data.text("select merged_into::text from customer_profile where customer_id = ?", gone))
                    .as("%s merged into the end of the chain", gone)
                    .isEqualTo(second.toString());
        }
        assertThat(wallet(second)).as("the survivor keeps its own wallet").isEqualByComparingTo("200");
        assertThat(data.count("select count(*) from category_month where customer_id = ? and purchases = 5", second))
                .isEqualTo(1);
    }

    @Test
    void aMergeIntoASurvivorErasedInAnEarlierPollOrEarlierInTheSamePollKeepsNoCustomerData() {
        UUID earlier = UUID.randomUUID();
        UUID earlierDuplicate = UUID.randomUUID();
        UUID samePoll = UUID.randomUUID();
        UUID samePollDuplicate = UUID.randomUUID();
        poll(List.of(
                registered(earlier, 1L, "100"),
                record(CustomerEvents.REGISTERED, earlierDuplicate, targeted(earlierDuplicate), 1L),
                registered(samePoll, 1L, "100"),
                record(CustomerEvents.REGISTERED, samePollDuplicate, targeted(samePollDuplicate), 1L),
                purchase(earlierDuplicate, "30.00"),
                purchase(samePollDuplicate, "30.00"),
                erased(earlier)));

        poll(List.of(erased(samePoll), merged(earlier, earlierDuplicate), merged(samePoll, samePollDuplicate)));

        for (UUID survivor : List.of(earlier, samePoll)) {
            assertThat(data.count(
                            "select count(*) from customer_profile where customer_id = ? and erased and kind is null"
                                    + " and wallet is null and not target",
                            survivor))
                    .as("erased survivor %s holds no kind, wallet or target", survivor)
                    .isEqualTo(1);
            assertThat(data.count("select count(*) from customer_segment where customer_id = ?", survivor))
                    .isZero();
            assertThat(data.count("select count(*) from segment_change where customer_id = ?", survivor))
                    .isZero();
            assertThat(revenue(survivor)).as("the figures stay by id").isEqualByComparingTo("30");
        }
    }

    /** N duplicates with figures, each merged into a survivor with figures (distinct survivors). */
    private List<ConsumerRecord<String, String>> mergePoll(int merges) {
        List<ConsumerRecord<String, String>> setup = new ArrayList<>();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < merges; i++) {
            UUID survivor = UUID.randomUUID();
            UUID duplicate = UUID.randomUUID();
            setup.add(registered(survivor, 1L, null));
            setup.add(registered(duplicate, 1L, "500"));
            setup.add(purchase(survivor, "10.00"));
            setup.add(purchase(duplicate, "20.00"));
            records.add(merged(survivor, duplicate));
        }
        poll(setup);
        return records;
    }

    /** Per customer: registered, updated twice, two purchases, a cost; every fifth customer is erased. */
    private static List<ConsumerRecord<String, String>> mixedPoll(int customers) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            UUID id = UUID.randomUUID();
            records.add(registered(id, 1L, "1000"));
            records.add(updated(id, 2L, "2000"));
            records.add(purchase(id, "120.00"));
            records.add(updated(id, 3L, "3000"));
            records.add(purchase(id, "80.00"));
            records.add(record(
                    CustomerEvents.COST_RECORDED,
                    id,
                    new CostRecorded(
                            UUID.randomUUID().toString(), id.toString(), "SERVICE_CALL", "5", "EUR", Instant.now()),
                    null));
            if (i % 5 == 0) {
                records.add(erased(id));
            }
        }
        return records;
    }

    private int statements(List<ConsumerRecord<String, String>> records) {
        CountingDb.start();
        poll(records);
        return CountingDb.stop();
    }

    private void poll(List<ConsumerRecord<String, String>> records) {
        customerEvents.onBatch(TestKafka.poll(records));
    }

    private BigDecimal wallet(UUID id) {
        return new BigDecimal(data.text("select wallet::text from customer_profile where customer_id = ?", id));
    }

    private static ConsumerRecord<String, String> registered(UUID id, Long sequence, String wallet) {
        return record(CustomerEvents.REGISTERED, id, new CustomerRegistered(snapshot(id, wallet)), sequence);
    }

    private static ConsumerRecord<String, String> updated(UUID id, Long sequence, String wallet) {
        return record(
                CustomerEvents.UPDATED, id, new CustomerUpdated(snapshot(id, wallet), List.of("wallet")), sequence);
    }

    private BigDecimal revenue(UUID id) {
        return new BigDecimal(
                data.text("select coalesce(sum(revenue), 0)::text from value_month where customer_id = ?", id));
    }

    private static ConsumerRecord<String, String> merged(UUID survivor, UUID duplicate) {
        return record(
                CustomerEvents.MERGED,
                duplicate,
                new CustomerMerged(survivor.toString(), duplicate.toString(), "steward", Instant.now()),
                null);
    }

    private static ConsumerRecord<String, String> erased(UUID id) {
        return record(CustomerEvents.ERASED, id, new CustomerErased(id.toString(), Instant.now()), null);
    }

    private static ConsumerRecord<String, String> purchase(UUID id, String total) {
        String purchaseId = UUID.randomUUID().toString();
        return record(
                CustomerEvents.PURCHASE_RECORDED,
                id,
                new PurchaseRecorded(
                        purchaseId,
                        id.toString(),
                        "shop",
                        "O-" + purchaseId,
                        Instant.now(),
                        "EUR",
                        total,
                        "10.00",
                        "WEB",
                        null,
                        List.of(new PurchaseLine("1", "SKU-1", "TENTS", 1, total, "10.00", total))),
                null);
    }

    /** A target customer with a wallet of 7000 registered. */
    private static CustomerRegistered targeted(UUID id) {
        return new CustomerRegistered(snapshot(id, "7000", true));
    }

    private static CustomerSnapshot snapshot(UUID id, String wallet) {
        return snapshot(id, wallet, false);
    }

    private static CustomerSnapshot snapshot(UUID id, String wallet, boolean target) {
        return new CustomerSnapshot(
                id.toString(),
                "CONSUMER",
                "ACTIVE",
                "en",
                "UTC",
                null,
                null,
                new Money(wallet, "EUR"),
                target,
                Map.of(),
                false,
                List.of(),
                Instant.parse("2025-01-01T00:00:00Z"),
                1,
                List.of());
    }

    private static ConsumerRecord<String, String> record(EventType type, UUID subject, Object payload, Long sequence) {
        try {
            ProducerRecord<String, String> r = TestKafka.cloudEvent(
                    type.topic(),
                    UUID.randomUUID().toString(),
                    type.name(),
                    "/customer-service",
                    subject.toString(),
                    JSON.writeValueAsString(payload));
            if (sequence != null) {
                r.headers().add("ce_sequence", String.format("%019d", sequence).getBytes(StandardCharsets.UTF_8));
            }
            return TestKafka.consumed(r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
