package io.rapport.customer.model;

import io.rapport.customer.domain.Channel;
import io.rapport.customer.domain.CustomerKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A customer as entered or replaced (PUT replaces every field). Persons need a given or family name; the
 * organisation kinds (ENTERPRISE, INTERMEDIARY, CHANNEL_PARTNER) need {@code organisation.companyName}.
 * E-mails are stored lower-case and trimmed, phones in E.164; at most one of each is primary (the first
 * is primary when none is marked).
 */
@Schema(name = "CustomerInput", examples = """
        {"kind":"CONSUMER","givenName":"Ada","familyName":"Lovelace",
         "emails":[{"value":"Ada@Example.org","primary":true}],"phones":[{"value":"+44 20 7946 0958"}],
         "address":{"line1":"12 St James's Square","city":"London","postalCode":"SW1Y 4JH","country":"GB"},
         "birthDate":"1985-12-10",
         "locale":"en-GB","timeZone":"Europe/London","ownerId":"rep-17","tags":["vip"],
         "acquisitionSource":"web","referralCode":"FRIEND-42",
         "wallet":{"amount":"2500.00","currency":"GBP","estimatedBy":"rep-17"},
         "channelPreference":["EMAIL","SMS"],"externalIds":[{"system":"shop","id":"C-1001"}]}""")
public record CustomerInput(
        @NotNull CustomerKind kind,
        @Size(max = 100) String givenName,
        @Size(max = 100) String familyName,
        @Valid Organisation organisation,
        @Size(max = 10) List<@NotNull @Valid Contact> emails,
        @Size(max = 10) List<@NotNull @Valid Contact> phones,
        @Valid Address address,

        @Schema(
                description = "Date of birth (ISO 8601 date), optional; not in the future and not before 1900-01-01."
                        + " Personal data: shown on the profile, used to suggest duplicates, removed on erasure, never put into"
                        + " events",
                examples = "1985-12-10",
                format = "date")
        LocalDate birthDate,

        @Size(max = 35) @Schema(examples = "en-GB") String locale,
        @Size(max = 64) @Schema(examples = "Europe/London") String timeZone,

        @Size(max = 100)
        @Schema(
                description = "Account manager (owner): the creating sales rep by default; only admin"
                        + " may set or change it")
        String ownerId,

        @Size(max = 50) Set<@NotBlank @Size(max = 50) String> tags,
        @Size(max = 100) String acquisitionSource,

        @Size(max = 50) @Schema(description = "Referral code used at sign-up")
        String referralCode,

        @Valid Wallet wallet,

        @Schema(description = "A prospect we want a relationship with")
        Boolean target,

        @Size(max = 4) List<@NotNull Channel> channelPreference,
        @Size(max = 20) List<@NotNull @Valid ExternalIdInput> externalIds) {

    /** The same input with {@code ownerId} replaced (the owner rule decides it, not the body alone). */
    public CustomerInput withOwnerId(String owner) {
        return new CustomerInput(
                kind,
                givenName,
                familyName,
                organisation,
                emails,
                phones,
                address,
                birthDate,
                locale,
                timeZone,
                owner,
                tags,
                acquisitionSource,
                referralCode,
                wallet,
                target,
                channelPreference,
                externalIds);
    }

    /** Company data of the organisation kinds. */
    public record Organisation(
            @NotBlank @Size(max = 200) String companyName,
            @Size(max = 100) String industry,
            @Size(max = 50) @Schema(examples = "50-249") String size) {}

    /** An e-mail address or phone number with an optional label such as "work". */
    public record Contact(
            @NotBlank @Size(max = 254) String value,
            @Size(max = 50) String label,
            boolean primary) {}

    /** A postal address; {@code country} is ISO 3166-1 alpha-2. */
    public record Address(
            @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @Size(max = 20) String postalCode,
            @Size(max = 100) String city,
            @Size(max = 100) String region,
            @Size(max = 2) @Schema(examples = "GB") String country) {}

    /** Estimated annual spend in our category; {@code estimatedAt} defaults to now, {@code estimatedBy} to the caller. */
    public record Wallet(
            @NotNull @DecimalMin("0") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 4)
            BigDecimal amount,

            @NotNull String currency,
            Instant estimatedAt,
            @Size(max = 100) String estimatedBy) {}

    /** The customer's id in another system. */
    public record ExternalIdInput(
            @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9._-]+")
            String system,

            @NotBlank @Size(max = 100) String id) {}
}
