package io.rapport.engagement.rest;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Purpose;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the contact operations. */
public final class ContactRequests {
    private ContactRequests() {}

    @Schema(name = "ContactCreate", description = "A contact made by hand", examples = """
            {"customerId":"3f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f40","channel":"PHONE","purpose":"CHECK_IN",
             "dueAt":"2026-06-02T09:00:00Z","assigneeId":"alice","notes":"ask about the new range"}""")
    public record Create(
            @NotNull UUID customerId,
            @NotNull Channel channel,
            @NotNull Purpose purpose,
            @NotNull Instant dueAt,
            Instant expiresAt,
            @Size(max = 200) String assigneeId,
            @Size(max = 4000) String notes) {}

    @Schema(name = "ContactReschedule", examples = """
            {"dueAt":"2026-06-03T09:00:00Z","reason":"customer asked for Wednesday"}""")
    public record Reschedule(
            @NotNull Instant dueAt, @Size(max = 500) String reason) {}

    @Schema(name = "ContactAssign", examples = """
            {"assigneeId":"bob"}""")
    public record Assign(@NotBlank @Size(max = 200) String assigneeId) {}

    @Schema(name = "ContactOutcome", examples = """
            {"outcome":"SATISFIED","notes":"happy with delivery; wants the catalogue"}""")
    public record Outcome(
            @NotBlank @Size(max = 100) String outcome,
            @Size(max = 4000) String notes) {}

    @Schema(name = "ContactCancel", examples = """
            {"reason":"duplicate"}""")
    public record Cancel(@Size(max = 500) String reason) {}
}
