package io.rapport.customer.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A suggested pair of records that are probably one person or company. {@code customerId} is the older record (the
 * survivor an accept keeps by default), {@code candidateId} the newer one.
 */
@Schema(name = "DuplicateSuggestion", examples = """
        {"id":"6f1c2b9e-8d7a-4c3b-9e2f-1a0b9c8d7e6f","customerId":"0b9f4c1e-3c55-4a8e-9a43-8f1d2a6b7c10",
         "customerName":"Ada Lovelace","candidateId":"5d2e7f10-1b2c-4d3e-8f9a-0b1c2d3e4f50","candidateName":"Ada Lovelace",
         "score":"0.8000","reasons":["SIMILAR_NAME","SAME_ADDRESS"],"status":"OPEN","createdAt":"2026-03-01T09:30:00Z"}""")
public record DuplicateSuggestionView(
        UUID id,
        UUID customerId,
        String customerName,
        UUID candidateId,
        String candidateName,

        @Schema(
                description = "How likely the pair is one record, 0 to 1, as a decimal string with 4 places",
                examples = "0.8000")
        String score,

        @Schema(description = "The signals that agreed: SIMILAR_NAME, SAME_ADDRESS, SAME_PHONE, SAME_BIRTH_DATE")
        List<String> reasons,

        @Schema(description = "OPEN, DISMISSED (not a duplicate, never suggested again) or MERGED")
        String status,

        Instant createdAt) {}
