package io.rapport.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A bonus multiplier on earning for a category and/or a period (see {@link EarnCalculator.Bonus}). */
@Entity
@Table(name = "bonus_rule")
public class BonusRule extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "programme_id")
    public UUID programmeId;

    public String name;
    public String category;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;

    public BigDecimal multiplier;

    public EarnCalculator.Bonus bonus() {
        return new EarnCalculator.Bonus(name, category, validFrom, validTo, multiplier);
    }
}
