package io.rapport.customer.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consent decision for one channel; {@code occurredAt} (when the customer decided) defaults to now. */
@Schema(examples = "{\"granted\":true,\"source\":\"web-signup-form\",\"occurredAt\":\"2026-03-01T10:15:00Z\"}")
public record ConsentInput(
        @NotNull Boolean granted,

        @NotBlank @Size(max = 100) @Schema(description = "How the decision was given: form, call, letter...")
        String source,

        Instant occurredAt) {}
