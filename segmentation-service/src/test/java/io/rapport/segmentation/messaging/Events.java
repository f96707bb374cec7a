package io.rapport.segmentation.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rapport.contracts.EventType;
import io.rapport.contracts.Topics;
import io.rapport.contracts.customer.CostRecorded;
import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerMerged;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.contracts.customer.Money;
import io.rapport.contracts.customer.PurchaseLine;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.contracts.customer.PurchaseRefunded;
import io.rapport.contracts.engagement.ComplaintOpened;
import io.rapport.contracts.engagement.EngagementEvents;
import io.rapport.devstack.TestKafka;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Produces the events customer-service and engagement-service would, as CloudEvents on the real broker. */
final class Events {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Events() {}

    static String send(EventType type, UUID subject, Object payload) {
        try {
            return TestKafka.send(type.topic(), type.name(), subject.toString(), JSON.writeValueAsString(payload));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void registered(UUID id, String wallet, boolean target) {
        send(
                CustomerEvents.REGISTERED,
                id,
                new CustomerRegistered(new CustomerSnapshot(
                        id.toString(),
                        "CONSUMER",
                        "ACTIVE",
                        "en",
                        "UTC",
                        null,
                        null,
                        wallet == null ? null : new Money(wallet, "EUR"),
                        target,
                        Map.of(),
                        false,
                        List.of(),
                        Instant.now().minusSeconds(86_400L * 400),
                        1,
                        null)));
    }

    static String purchase(UUID customer, String total, String cogs, String... categories) {
        String purchaseId = UUID.randomUUID().toString();
        List<PurchaseLine> lines = java.util.Arrays.stream(categories)
                .map(c -> new PurchaseLine(UUID.randomUUID().toString(), "SKU-" + c, c, 1, total, cogs, total))
                .toList();
        send(
                CustomerEvents.PURCHASE_RECORDED,
                customer,
                new PurchaseRecorded(
                        purchaseId,
                        customer.toString(),
                        "shop",
                        "O-" + purchaseId,
                        Instant.now(),
                        "EUR",
                        total,
                        cogs,
                        "WEB",
                        null,
                        lines));
        return purchaseId;
    }

    static void refund(UUID customer, String purchaseId, String amount, String cogs) {
        send(
                CustomerEvents.PURCHASE_REFUNDED,
                customer,
                new PurchaseRefunded(
                        UUID.randomUUID().toString(),
                        purchaseId,
                        customer.toString(),
                        "O-" + purchaseId,
                        Instant.now(),
                        "EUR",
                        amount,
                        cogs,
                        false,
                        List.of()));
    }

    static void cost(UUID customer, String amount) {
        send(
                CustomerEvents.COST_RECORDED,
                customer,
                new CostRecorded(
                        UUID.randomUUID().toString(),
                        customer.toString(),
                        "SERVICE_CALL",
                        amount,
                        "EUR",
                        Instant.now()));
    }

    static void complaint(UUID customer) {
        send(
                EngagementEvents.COMPLAINT_OPENED,
                customer,
                new ComplaintOpened(
                        UUID.randomUUID().toString(),
                        customer.toString(),
                        "PHONE",
                        "DELIVERY",
                        "HIGH",
                        Instant.now(),
                        Instant.now().plusSeconds(86_400),
                        false));
    }

    static void merged(UUID survivor, UUID merged) {
        send(
                CustomerEvents.MERGED,
                merged,
                new CustomerMerged(survivor.toString(), merged.toString(), "tester", Instant.now()));
    }

    static void erased(UUID customer) {
        send(CustomerEvents.ERASED, customer, new CustomerErased(customer.toString(), Instant.now()));
    }

    static List<String> topics() {
        return List.of(Topics.CUSTOMER, Topics.ENGAGEMENT);
    }
}
