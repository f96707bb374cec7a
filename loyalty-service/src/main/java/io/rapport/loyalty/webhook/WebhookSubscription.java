package io.rapport.loyalty.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription: the owner (a loyalty partner, or an integration client an admin created), the target URL,
 * the event type patterns, the state, and the signing secrets, encrypted ({@link SecretBox}). After a rotation the
 * previous secret stays valid until {@code previousSecretUntil}.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {
    public static final String PARTNER = "PARTNER";
    public static final String CLIENT = "CLIENT";
    public static final String ACTIVE = "ACTIVE";
    public static final String PAUSED = "PAUSED";
    public static final String DISABLED = "DISABLED";

    @Id
    public UUID id;

    @Column(name = "owner_kind")
    public String ownerKind;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "client_name")
    public String clientName;

    public String url;
    public String description;

    @Column(name = "event_types")
    public String eventTypes;

    public String status;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public List<String> patterns() {
        return EventTypePatterns.parse(eventTypes);
    }

    public boolean partner() {
        return PARTNER.equals(ownerKind);
    }
}
