package io.rapport.loyalty.rest;

import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.Partner;
import io.rapport.loyalty.domain.PartnerLink;
import io.rapport.loyalty.domain.RedemptionCode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of a member's partner links (consent) and redemption codes. */
public final class PartnerLinkDtos {
    private PartnerLinkDtos() {}

    @Schema(
            description = "The member consents that this partner may book points for it; source is the channel the"
                    + " consent was given through",
            examples = "{\"partnerId\":\"5d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d\",\"source\":\"APP\"}")
    public record LinkRequest(
            @NotNull UUID partnerId,

            @NotNull @Pattern(regexp = "APP|WEB|STORE|PHONE|PAPER", message = "one of APP, WEB, STORE, PHONE, PAPER")
            String source) {}

    public record LinkView(
            String partnerId,
            String partnerName,
            String status,
            String source,
            Instant consentedAt,
            String recordedBy,
            Instant revokedAt,
            String revokedBy) {
        public static LinkView of(PartnerLink l) {
            Partner p = Partner.findById(l.partnerId);
            return new LinkView(
                    l.partnerId.toString(),
                    p == null ? null : p.name,
                    l.status(),
                    l.source,
                    l.consentedAt,
                    l.recordedBy,
                    l.revokedAt,
                    l.revokedBy);
        }
    }

    @Schema(
            description = "A one-time code for the member to show a partner it has linked: the partner may take up to"
                    + " maxPoints (a whole number from 1 to 1000000000) once, before the code expires",
            examples = "{\"partnerId\":\"5d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d\",\"maxPoints\":\"500\"}")
    public record CodeRequest(
            @NotNull UUID partnerId,

            @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", maximum = "1000000000")
            BigDecimal maxPoints) {}

    @Schema(description = "The code is shown only in this answer; the programme keeps only its hash")
    public record CodeView(String code, String memberNumber, String partnerId, long maxPoints, Instant expiresAt) {
        public static CodeView of(RedemptionCode c, String code, Member m) {
            return new CodeView(code, m.memberNumber, c.partnerId.toString(), c.maxPoints, c.expiresAt);
        }
    }
}
