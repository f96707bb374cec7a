package io.rapport.customer.rest;

import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Accepting a suggestion merges the pair: which record survives (the older one by default) and why. */
@Schema(examples = "{\"survivorId\":\"0b9f4c1e-3c55-4a8e-9a43-8f1d2a6b7c10\",\"reason\":\"same person, new e-mail\"}")
public record SuggestionAcceptInput(
        @Schema(description = "One of the pair; the older record (customerId) when absent")
        UUID survivorId,

        @Size(max = 500) @Schema(description = "Why; 'duplicate suggestion accepted' when absent")
        String reason) {}
