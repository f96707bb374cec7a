package io.rapport.loyalty.rest;

import io.rapport.loyalty.domain.BonusRule;
import io.rapport.loyalty.domain.Programme;
import io.rapport.loyalty.domain.Tier;
import io.rapport.loyalty.service.ProgrammeService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of programmes (clubs), their tiers and bonus rules. */
public final class ProgrammeDtos {
    private ProgrammeDtos() {}

    @Schema(description = "A new programme with its rules and its tiers, lowest first", examples = """
            {"code":"HAIER","name":"Haier Club","currency":"EUR",
             "rules":{"pointsPerUnit":"1","qualificationBasis":"POINTS_EARNED","qualificationMonths":12,"expiryMonths":24,
                      "expiryWarningDays":30,"referrerPoints":500,"newcomerPoints":250,
                      "autoEnrol":{"scheme":"ABC","classLabel":"A"}},
             "tiers":[{"code":"SILVER","name":"Silver","threshold":"0","multiplier":"1"},
                      {"code":"GOLD","name":"Gold","threshold":"2000","multiplier":"1.5","segmentClasses":["ABC:A","VALUE:MVC"]}],
             "bonuses":[{"name":"Kitchen week","category":"kitchen","multiplier":"2"}]}""")
    public record ProgrammeCreate(
            @NotBlank @Pattern(regexp = "[A-Z0-9_]{2,20}", message = "2 to 20 of A-Z, 0-9 and _")
            String code,

            @NotBlank @Size(max = 200) String name,

            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code")
            String currency,

            @Valid @NotNull Rules rules,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull TierSpec> tiers,
            @Size(max = 100) List<@Valid @NotNull BonusSpec> bonuses) {
        ProgrammeService.ProgrammeCreate command() {
            return new ProgrammeService.ProgrammeCreate(
                    code,
                    name,
                    currency,
                    rules.command(),
                    tiers.stream().map(TierSpec::command).toList(),
                    bonuses == null
                            ? null
                            : bonuses.stream().map(BonusSpec::command).toList());
        }
    }

    @Schema(description = "The rules of a programme", examples = """
            {"pointsPerUnit":"1","qualificationBasis":"POINTS_EARNED","qualificationMonths":12,
             "expiryMonths":24,"expiryWarningDays":30,"referrerPoints":500,"newcomerPoints":250}""")
    public record Rules(
            @NotNull @DecimalMin("0") BigDecimal pointsPerUnit,

            @NotNull @Pattern(regexp = "POINTS_EARNED|SPEND", message = "POINTS_EARNED or SPEND")
            String qualificationBasis,

            @NotNull @Min(1) @Max(60) Integer qualificationMonths,
            @NotNull @Min(0) @Max(240) Integer expiryMonths,
            @NotNull @Min(0) @Max(365) Integer expiryWarningDays,
            @NotNull @Min(0) Long referrerPoints,
            @NotNull @Min(0) Long newcomerPoints,
            @Valid AutoEnrol autoEnrol) {
        ProgrammeService.Rules command() {
            return new ProgrammeService.Rules(
                    pointsPerUnit,
                    qualificationBasis,
                    qualificationMonths,
                    expiryMonths,
                    expiryWarningDays,
                    referrerPoints,
                    newcomerPoints,
                    autoEnrol == null
                            ? null
                            : new ProgrammeService.AutoEnrol(autoEnrol.scheme(), autoEnrol.classLabel()));
        }
    }

    @Schema(description = "Enrol every customer whose class in the scheme becomes this class")
    public record AutoEnrol(
            @NotBlank String scheme, @NotBlank String classLabel) {}

    @Schema(description = "A tier; segmentClasses (SCHEME:CLASS) reach it regardless of the threshold")
    public record TierSpec(
            @NotBlank @Pattern(regexp = "[A-Z0-9_]{1,20}", message = "1 to 20 of A-Z, 0-9 and _")
            String code,

            @NotBlank String name,
            @NotNull @DecimalMin("0") BigDecimal threshold,
            @NotNull @DecimalMin("0") BigDecimal multiplier,
            List<@Pattern(regexp = "[A-Z_]+:[A-Za-z0-9_]+", message = "SCHEME:CLASS") String> segmentClasses) {
        ProgrammeService.TierSpec command() {
            return new ProgrammeService.TierSpec(code, name, threshold, multiplier, segmentClasses);
        }
    }

    @Schema(description = "A bonus multiplier for a category and/or a period (validTo exclusive)")
    public record BonusSpec(
            @NotBlank String name,
            String category,
            Instant validFrom,
            Instant validTo,

            @NotNull @DecimalMin(value = "0", inclusive = false)
            BigDecimal multiplier) {
        ProgrammeService.BonusSpec command() {
            return new ProgrammeService.BonusSpec(name, category, validFrom, validTo, multiplier);
        }
    }

    public record TierView(
            String code, String name, int rank, String threshold, String multiplier, List<String> segmentClasses) {
        static TierView of(Tier t) {
            return new TierView(
                    t.code,
                    t.name,
                    t.rank,
                    t.threshold.toPlainString(),
                    t.multiplier.toPlainString(),
                    Tier.labels(t.segmentClasses).stream().sorted().toList());
        }
    }

    public record BonusView(
            String id, String name, String category, Instant validFrom, Instant validTo, String multiplier) {
        static BonusView of(BonusRule b) {
            return new BonusView(
                    b.id.toString(), b.name, b.category, b.validFrom, b.validTo, b.multiplier.toPlainString());
        }
    }

    public record ProgrammeView(
            String id,
            String code,
            String name,
            String currency,
            String pointsPerUnit,
            String qualificationBasis,
            int qualificationMonths,
            int expiryMonths,
            int expiryWarningDays,
            long referrerPoints,
            long newcomerPoints,
            AutoEnrol autoEnrol,
            List<TierView> tiers,
            List<BonusView> bonuses,
            Instant createdAt,
            long version) {
        static ProgrammeView of(Programme p, List<Tier> tiers, List<BonusRule> bonuses) {
            return new ProgrammeView(
                    p.id.toString(),
                    p.code,
                    p.name,
                    p.currency,
                    p.pointsPerUnit.toPlainString(),
                    p.qualificationBasis,
                    p.qualificationMonths,
                    p.expiryMonths,
                    p.expiryWarningDays,
                    p.referrerPoints,
                    p.newcomerPoints,
                    p.autoEnrolScheme == null ? null : new AutoEnrol(p.autoEnrolScheme, p.autoEnrolClass),
                    tiers.stream().map(TierView::of).toList(),
                    bonuses.stream().map(BonusView::of).toList(),
                    p.createdAt,
                    p.version);
        }
    }

    public record RulesUpdate(
            @NotBlank @Size(max = 200) String name,
            @Valid @NotNull Rules rules) {}
}
