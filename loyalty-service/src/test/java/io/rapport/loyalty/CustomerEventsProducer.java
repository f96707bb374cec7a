package io.rapport.loyalty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rapport.contracts.EventType;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.contracts.customer.CustomerRegistered;
import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.contracts.customer.PurchaseLine;
import io.rapport.contracts.customer.PurchaseRecorded;
import io.rapport.contracts.customer.PurchaseRefunded;
import io.rapport.devstack.TestKafka;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Produces events to the real broker the way customer-service (or segmentation) would: CloudEvents binary mode. */
public final class CustomerEventsProducer {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CustomerEventsProducer() {}

    /** Sends the payload as a CloudEvent with the given id; returns the id. */
    public static String send(EventType type, String subject, Object payload, String ceId) {
        try {
            TestKafka.send(type.topic(), ceId, type.name(), subject, JSON.writeValueAsString(payload));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write " + type, e);
        }
        return ceId;
    }

    public static String send(EventType type, String subject, Object payload) {
        return send(type, subject, payload, UUID.randomUUID().toString());
    }

    public static PurchaseRecorded purchase(UUID purchaseId, UUID customerId, String currency, String total) {
        return new PurchaseRecorded(
                purchaseId.toString(),
                customerId.toString(),
                "pos",
                "ORD-" + purchaseId.toString().substring(0, 8),
                Instant.now(),
                currency,
                total,
                "0.00",
                "store",
                "HQ",
                List.of(new PurchaseLine("1", "SKU-1", "kitchen", 1, total, "0.00", total)));
    }

    public static PurchaseRefunded refund(UUID purchaseId, UUID customerId, String currency, String amount) {
        return new PurchaseRefunded(
                UUID.randomUUID().toString(),
                purchaseId.toString(),
                customerId.toString(),
                "ORD",
                Instant.now(),
                currency,
                amount,
                "0.00",
                false,
                List.of());
    }

    public static void registered(UUID customerId, String email, String phone, String referralCode) {
        List<String> digests = new java.util.ArrayList<>();
        if (email != null) {
            digests.add("email:" + digest(email.trim().toLowerCase(java.util.Locale.ROOT)));
        }
        if (phone != null) {
            digests.add("phone:" + digest(phone.replaceAll("[^0-9+]", "")));
        }
        CustomerSnapshot s = new CustomerSnapshot(
                customerId.toString(),
                "PERSON",
                "ACTIVE",
                "en",
                "UTC",
                null,
                referralCode,
                null,
                false,
                Map.of(),
                false,
                List.of(),
                Instant.now(),
                1,
                digests);
        send(CustomerEvents.REGISTERED, customerId.toString(), new CustomerRegistered(s));
    }

    /** Stands in for customer-service's keyed digest: loyalty only compares digests, it never computes them. */
    private static String digest(String value) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("test-key:" + value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
