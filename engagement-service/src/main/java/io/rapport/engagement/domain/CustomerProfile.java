package io.rapport.engagement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rapport.engagement.domain.pressure.CustomerContext;
import io.rapport.engagement.domain.pressure.PreferredChannel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Engagement's projection of a customer: how and when they may be contacted (from customer.events), how valuable
 * they are and which level they get (from segmentation.events and account managers). A row may be a stub created
 * by an event that arrived before the customer's registration.
 */
@Entity
@Table(name = "customer_profile")
public class CustomerProfile extends PanacheEntityBase {
    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "time_zone")
    public String timeZone = "UTC";

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "consent_phone")
    public Boolean consentPhone;

    @Column(name = "consent_email")
    public Boolean consentEmail;

    @Column(name = "consent_sms")
    public Boolean consentSms;

    @Column(name = "consent_post")
    public Boolean consentPost;

    @Column(name = "do_not_contact")
    public boolean doNotContact;
    /** Comma-separated channels in the customer's order of preference. */
    @Column(name = "channel_preference")
    public String channelPreference;

    public String status = "ACTIVE";

    @Enumerated(EnumType.STRING)
    public Level level = Level.BASIC;
    /** DEFAULT (never classified), SEGMENT (from the classes and the mapping) or OVERRIDE (an account manager). */
    @Column(name = "level_source")
    public String levelSource = "DEFAULT";

    @Column(name = "level_reason")
    public String levelReason;
    /** The customer's value as segmentation last reported it (the largest figure among its schemes). */
    @Column(name = "value_score", precision = 19, scale = 4)
    public BigDecimal valueScore = BigDecimal.ZERO;
    /** Class A in ABC or MVC in the value scheme: goes first in complaint escalation. */
    @Column(name = "top_customer")
    public boolean topCustomer;

    @Column(name = "merged_into")
    public UUID mergedInto;

    public boolean erased;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public ZoneId zone() {
        try {
            return ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** Consent key to granted; keys the customer never stated are absent. */
    public Map<String, Boolean> consents() {
        Map<String, Boolean> m = new HashMap<>();
        putIfStated(m, "PHONE", consentPhone);
        putIfStated(m, "EMAIL", consentEmail);
        putIfStated(m, "SMS", consentSms);
        putIfStated(m, "POST", consentPost);
        return m;
    }

    public void consents(Map<String, Boolean> consents) {
        if (consents == null) {
            return;
        }
        consentPhone = consents.get("PHONE");
        consentEmail = consents.get("EMAIL");
        consentSms = consents.get("SMS");
        consentPost = consents.get("POST");
    }

    public List<String> channelPreferences() {
        return channelPreference == null || channelPreference.isBlank()
                ? List.of()
                : Arrays.stream(channelPreference.split(",")).map(String::trim).toList();
    }

    /**
     * The customer as the contact-pressure rules see it: the one place that says an erased customer counts as
     * do-not-contact and how consents and channel preferences are read (single contacts and purchase batches alike).
     *
     * @param complaintOpen the customer has at least one open complaint (marketing pauses)
     */
    public CustomerContext context(boolean complaintOpen) {
        return new CustomerContext(
                zone(),
                consents(),
                doNotContact || erased,
                complaintOpen,
                level,
                PreferredChannel.parse(channelPreferences()));
    }

    private static void putIfStated(Map<String, Boolean> m, String key, Boolean value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
