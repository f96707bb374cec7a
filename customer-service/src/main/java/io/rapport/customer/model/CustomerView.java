package io.rapport.customer.model;

import io.rapport.customer.domain.CustomerKind;
import io.rapport.customer.domain.CustomerStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A customer profile with contact points, consents and preferences. A MERGED record says so and names the
 * survivor in {@code mergedInto}; an ERASED record carries no personal data.
 */
@Schema(name = "Customer")
public record CustomerView(
        UUID id,
        long version,
        CustomerKind kind,
        CustomerStatus status,
        String displayName,
        String givenName,
        String familyName,
        CustomerInput.Organisation organisation,
        List<ContactView> emails,
        List<ContactView> phones,
        CustomerInput.Address address,

        @Schema(description = "Date of birth, when known", format = "date", examples = "1985-12-10")
        LocalDate birthDate,

        String locale,
        String timeZone,
        String ownerId,
        List<String> tags,
        String acquisitionSource,
        String referralCode,
        WalletView wallet,
        boolean target,
        List<ExternalIdView> externalIds,
        List<ConsentView> consents,
        boolean doNotContact,
        List<String> channelPreference,
        List<PreferenceView> preferences,
        UUID mergedInto,
        MergeView merge,
        Instant lastVerifiedAt,
        Instant lastActivityAt,
        Instant createdAt,
        Instant updatedAt,
        Instant erasedAt) {

    public record ContactView(String value, String label, boolean primary) {}

    public record WalletView(
            @Schema(examples = "2500.00") String amount, String currency, Instant estimatedAt, String estimatedBy) {}

    public record ExternalIdView(String system, String id) {}

    /** The current decision for a channel. */
    public record ConsentView(String channel, boolean granted, String source, Instant decidedAt) {}

    /**
     * A remembered preference. {@code setBy}/{@code setAt} are kept for older clients and equal
     * {@code updatedBy}/{@code updatedAt}: the caller's subject and time of the last change.
     */
    public record PreferenceView(
            String category,
            String key,
            String value,
            String setBy,
            Instant setAt,
            io.rapport.customer.domain.Touchpoint touchpoint,
            String updatedBy,
            Instant updatedAt) {}

    public record MergeView(UUID survivorId, String mergedBy, Instant mergedAt, String reason) {}
}
