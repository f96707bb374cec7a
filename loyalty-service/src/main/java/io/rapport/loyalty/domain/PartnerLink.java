package io.rapport.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A member's consent that a partner may book points for it (earn there, and spend with a one-time code). Recorded with
 * when and through which channel it was given and by whom; revoking keeps the row (the history of consent) and ends
 * every use at once. At most one active link per member and partner.
 */
@Entity
@Table(name = "partner_link")
public class PartnerLink extends PanacheEntityBase {
    public static final String ACTIVE = "ACTIVE";
    public static final String REVOKED = "REVOKED";

    @Id
    public UUID id;

    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "partner_id")
    public UUID partnerId;
    /** The channel the member consented through: APP, WEB, STORE, PHONE, PAPER. */
    public String source;

    @Column(name = "consented_at")
    public Instant consentedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    public String status() {
        return revokedAt == null ? ACTIVE : REVOKED;
    }

    public static Optional<PartnerLink> active(UUID memberId, UUID partnerId) {
        return find("memberId = ?1 and partnerId = ?2 and revokedAt is null", memberId, partnerId)
                .firstResultOptional();
    }
}
