package io.rapport.loyalty.partnerkeys;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A partner's API key as stored: its public prefix and the SHA-256 of the whole key, never the key itself. */
@Entity
@Table(name = "partner_api_key")
public class PartnerApiKey extends PanacheEntityBase {
    public static final String ACTIVE = "ACTIVE";
    public static final String REVOKED = "REVOKED";

    @Id
    public UUID id;

    @Column(name = "partner_id")
    public UUID partnerId;
    /** The public part of the key ({@code rpk_<prefix>_...}), safe to show and log. */
    public String prefix;
    /** Lower-case hex SHA-256 of the key's UTF-8 bytes (as the gateway hashes what a partner presents). */
    public String sha256;
    /** Comma-separated: partner:read, partner:write. */
    public String scopes;

    public String status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;
    /** The key this one replaced by a rotation. */
    public UUID replaces;
}
