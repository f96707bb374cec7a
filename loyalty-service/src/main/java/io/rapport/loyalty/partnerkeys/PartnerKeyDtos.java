package io.rapport.loyalty.partnerkeys;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the partner key endpoints. */
public final class PartnerKeyDtos {
    private PartnerKeyDtos() {}

    @Schema(
            description = "The scopes of the new key; omitted: both",
            examples = "{\"scopes\":[\"partner:read\",\"partner:write\"]}")
    public record KeyCreate(@Size(max = 2) List<@NotBlank String> scopes) {}

    @Schema(description = "A partner API key without its secret", examples = """
            {"id":"6f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f41","partnerId":"0b7d3c1e-2f4a-4b5c-8d6e-7f8091a2b3c4","prefix":"3fa91c0be2",\
            "scopes":["partner:read","partner:write"],"status":"ACTIVE","createdAt":"2026-12-05T08:00:00Z","createdBy":"ada (admin)"}""")
    public record KeyView(
            String id,
            String partnerId,
            String prefix,
            List<String> scopes,
            @Schema(enumeration = {"ACTIVE", "REVOKED"}) String status,
            Instant createdAt,
            String createdBy,
            Instant revokedAt,
            String revokedBy,
            String replaces) {
        static KeyView of(PartnerApiKey k) {
            return new KeyView(
                    k.id.toString(),
                    k.partnerId.toString(),
                    k.prefix,
                    Arrays.asList(k.scopes.split(",")),
                    k.status,
                    k.createdAt,
                    k.createdBy,
                    k.revokedAt,
                    k.revokedBy,
                    k.replaces == null ? null : k.replaces.toString());
        }
    }

    @Schema(
            description =
                    "A key just issued: `apiKey` is shown this once (send it as X-Api-Key); only its SHA-256 is stored",
            examples = """
            {"apiKey":"rpk_3fa91c0be2_Q2hhbmdlIG1lIHRvIGEgcmFuZG9tIDMyLWJ5dGUga2V5IQ",\
            "key":{"id":"6f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f41","partnerId":"0b7d3c1e-2f4a-4b5c-8d6e-7f8091a2b3c4",\
            "prefix":"3fa91c0be2","scopes":["partner:read","partner:write"],"status":"ACTIVE","createdAt":"2026-12-05T08:00:00Z",\
            "createdBy":"ada (admin)"}}""")
    public record IssuedKey(String apiKey, KeyView key) {}

    @Schema(
            description = "Whose key it is and whether it may be used now (status ACTIVE and the partner active)",
            examples =
                    "{\"keyId\":\"6f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f41\",\"partnerId\":\"0b7d3c1e-2f4a-4b5c-8d6e-7f8091a2b3c4\","
                            + "\"status\":\"ACTIVE\",\"scopes\":[\"partner:read\",\"partner:write\"]}")
    public record Verified(
            String keyId,
            String partnerId,

            @Schema(enumeration = {"ACTIVE", "REVOKED", "PARTNER_INACTIVE"})
            String status,

            List<String> scopes) {}
}
