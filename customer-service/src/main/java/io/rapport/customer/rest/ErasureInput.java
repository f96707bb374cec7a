package io.rapport.customer.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a customer is erased; recorded in the audit trail with who asked. */
@Schema(examples = "{\"reason\":\"data subject request DSR-2026-0142\"}")
public record ErasureInput(
        @Size(max = 500)
        @Schema(
                description = "Why: a request reference or legal ground. Recorded in the audit trail and"
                        + " kept after the erasure, so it must not name or describe the person.")
        String reason) {}
