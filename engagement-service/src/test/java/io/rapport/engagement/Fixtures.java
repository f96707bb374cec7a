package io.rapport.engagement;

import io.rapport.contracts.customer.CustomerSnapshot;
import io.rapport.contracts.segmentation.SegmentChanged;
import io.rapport.engagement.service.CustomerProjectionService;
import io.rapport.engagement.service.LevelService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Customers for tests, fed straight into the services that the event consumers call. */
@ApplicationScoped
public class Fixtures {
    private final CustomerProjectionService projection;
    private final LevelService levels;

    public Fixtures(CustomerProjectionService projection, LevelService levels) {
        this.projection = projection;
        this.levels = levels;
    }

    public static CustomerSnapshot snapshot(
            UUID id, String zone, String owner, Map<String, Boolean> consents, List<String> preference) {
        return new CustomerSnapshot(
                id.toString(),
                "CONSUMER",
                "ACTIVE",
                "en-GB",
                zone,
                owner,
                null,
                null,
                false,
                consents,
                false,
                preference,
                Instant.parse("2026-01-01T00:00:00Z"),
                1,
                null);
    }

    public static SegmentChanged segment(UUID id, String scheme, String toClass, String level, String value) {
        return new SegmentChanged(
                id.toString(),
                scheme,
                null,
                toClass,
                1,
                null,
                level,
                Map.of("value", value),
                Instant.parse("2026-05-01T02:00:00Z"));
    }

    /** A registered customer at the given level (from a segment event), with the given consents. */
    public UUID customer(
            String zone,
            String owner,
            Map<String, Boolean> consents,
            List<String> preference,
            String level,
            String value) {
        UUID id = UUID.randomUUID();
        projection.snapshot(snapshot(id, zone, owner, consents, preference));
        if (level != null) {
            levels.segmentChanged(segment(id, "ABC", "B", level, value));
        }
        return id;
    }

    public void segmentChanged(SegmentChanged e) {
        levels.segmentChanged(e);
    }

    public UUID customer(String zone, String level) {
        return customer(
                zone,
                "rep-" + UUID.randomUUID(),
                Map.of("PHONE", true, "EMAIL", true, "SMS", true),
                List.of("EMAIL", "SMS", "PHONE"),
                level,
                "100.00");
    }
}
