package io.rapport.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The customer record. {@code version} is the optimistic lock and the ETag; every change goes through
 * {@link #touch(Instant)} so even changes only to child rows (contact points, consents) raise it.
 * Contact points, external ids, consents and preferences live in their own tables.
 */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {
    @Id
    public UUID id;

    @Version
    public long version;

    @Enumerated(EnumType.STRING)
    public CustomerKind kind;

    @Enumerated(EnumType.STRING)
    public CustomerStatus status;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    @Column(name = "company_name")
    public String companyName;

    public String industry;

    @Column(name = "company_size")
    public String companySize;

    @Column(name = "address_line1")
    public String addressLine1;

    @Column(name = "address_line2")
    public String addressLine2;

    @Column(name = "postal_code")
    public String postalCode;

    public String city;

    @Column(name = "birth_date")
    public java.time.LocalDate birthDate;

    public String region;
    public String country;
    public String locale;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "acquisition_source")
    public String acquisitionSource;

    @Column(name = "referral_code")
    public String referralCode;

    @Column(name = "wallet_amount")
    public BigDecimal walletAmount;

    @Column(name = "wallet_currency")
    public String walletCurrency;

    @Column(name = "wallet_estimated_at")
    public Instant walletEstimatedAt;

    @Column(name = "wallet_estimated_by")
    public String walletEstimatedBy;

    public boolean target;

    @Column(name = "do_not_contact")
    public boolean doNotContact;
    /** Channels in order of preference, comma-separated. */
    @Column(name = "channel_preference")
    public String channelPreference;

    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "merged_at")
    public Instant mergedAt;

    @Column(name = "merged_by")
    public String mergedBy;

    @Column(name = "merge_reason")
    public String mergeReason;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "last_verified_at")
    public Instant lastVerifiedAt;

    @Column(name = "last_activity_at")
    public Instant lastActivityAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "customer_tag", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "tag")
    public Set<String> tags = new TreeSet<>();

    /** Marks the record changed: raises the version at the next flush. */
    public void touch(Instant now) {
        updatedAt = now;
    }

    public List<Channel> channelPreferenceList() {
        return channels(channelPreference);
    }

    /** Parses the stored form of the channel preference order (comma-separated channel names). */
    public static List<Channel> channels(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(
                Arrays.stream(stored.split(",")).map(Channel::valueOf).toList());
    }

    public void channelPreference(List<Channel> channels) {
        channelPreference = channels == null || channels.isEmpty()
                ? null
                : String.join(",", channels.stream().map(Enum::name).toList());
    }

    public boolean isOrganisation() {
        return kind.isOrganisation();
    }
}
