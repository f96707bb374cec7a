package io.rapport.customer.registration;

import io.rapport.customer.domain.Channel;
import io.rapport.customer.domain.CustomerKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One customer to register, checked and normalised (e-mails lower-case, phones E.164, exactly one primary per kind when
 * there is any, tags trimmed and sorted, channel preference without repeats; blank texts are null). The
 * {@code idempotencyKey} (trimmed, or null) makes a repeated request return the first result.
 */
public record Applicant(
        String idempotencyKey,
        CustomerKind kind,
        String displayName,
        String givenName,
        String familyName,
        String companyName,
        String industry,
        String companySize,
        String addressLine1,
        String addressLine2,
        String postalCode,
        String city,
        String region,
        String country,
        LocalDate birthDate,
        String locale,
        String timeZone,
        String ownerId,
        String acquisitionSource,
        String referralCode,
        Wallet wallet,
        boolean target,
        List<Channel> channelPreference,
        List<String> tags,
        List<Contact> emails,
        List<Contact> phones,
        List<ExternalKey> externalIds) {

    public Applicant {
        channelPreference = List.copyOf(channelPreference);
        tags = List.copyOf(tags);
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        externalIds = List.copyOf(externalIds);
    }

    /** An e-mail or phone, normalised. */
    public record Contact(String value, String label, boolean primary) {}

    /** An id of the customer in another system; unique per system. */
    public record ExternalKey(String system, String id) {}

    /**
     * An estimate of the customer's wallet; {@code estimatedAt} and {@code estimatedBy} may be null in an applicant
     * (then the registration's time and registering user apply).
     */
    public record Wallet(BigDecimal amount, String currency, Instant estimatedAt, String estimatedBy) {}
}
