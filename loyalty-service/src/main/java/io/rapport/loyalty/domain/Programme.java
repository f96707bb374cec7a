package io.rapport.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A loyalty programme (club) and its rules. Points are earned at {@code pointsPerUnit} per unit of
 * {@code currency}; tiers qualify on {@code qualificationBasis} over a rolling window of
 * {@code qualificationMonths}, which is also the length of a member's qualification period.
 */
@Entity
@Table(name = "programme")
public class Programme extends PanacheEntityBase {
    @Id
    public UUID id;

    public String code;
    public String name;
    public String currency;

    @Column(name = "points_per_unit")
    public BigDecimal pointsPerUnit;
    /** POINTS_EARNED or SPEND. */
    @Column(name = "qualification_basis")
    public String qualificationBasis;

    @Column(name = "qualification_months")
    public int qualificationMonths;
    /** Months after which earned points expire; 0: never. */
    @Column(name = "expiry_months")
    public int expiryMonths;

    @Column(name = "expiry_warning_days")
    public int expiryWarningDays;

    @Column(name = "referrer_points")
    public long referrerPoints;

    @Column(name = "newcomer_points")
    public long newcomerPoints;
    /** Auto-enrol rule: every customer whose class in this scheme becomes {@link #autoEnrolClass}. */
    @Column(name = "auto_enrol_scheme")
    public String autoEnrolScheme;

    @Column(name = "auto_enrol_class")
    public String autoEnrolClass;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

    /** A detached copy carrying the same values. */
    public Programme copy() {
        Programme c = new Programme();
        c.id = id;
        c.code = code;
        c.name = name;
        c.currency = currency;
        c.pointsPerUnit = pointsPerUnit;
        c.qualificationBasis = qualificationBasis;
        c.qualificationMonths = qualificationMonths;
        c.expiryMonths = expiryMonths;
        c.expiryWarningDays = expiryWarningDays;
        c.referrerPoints = referrerPoints;
        c.newcomerPoints = newcomerPoints;
        c.autoEnrolScheme = autoEnrolScheme;
        c.autoEnrolClass = autoEnrolClass;
        c.createdAt = createdAt;
        c.version = version;
        return c;
    }

    public boolean spendBased() {
        return "SPEND".equals(qualificationBasis);
    }
}
