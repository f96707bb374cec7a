package io.rapport.loyalty.rest;

import io.rapport.loyalty.domain.LedgerEntry;
import io.rapport.loyalty.domain.Member;
import io.rapport.loyalty.domain.TierChange;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of memberships, the ledger and redemptions. */
public final class MemberDtos {
    private MemberDtos() {}

    @Schema(examples = "{\"customerId\":\"3f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f40\"}")
    public record EnrolRequest(@NotNull java.util.UUID customerId) {}

    @Schema(examples = "{\"reason\":\"moved abroad\"}")
    public record LeaveRequest(@Size(max = 500) String reason) {}

    @Schema(examples = "{\"points\":500,\"reason\":\"cinema voucher at the counter\"}")
    public record RedeemRequest(
            @NotNull @Positive Long points,
            @NotBlank @Size(max = 500) String reason) {}

    @Schema(
            description = "A signed correction; negative debits oldest points first and may not overdraw",
            examples = "{\"points\":-50,\"reason\":\"duplicate booking at the till\"}")
    public record AdjustRequest(
            @NotNull Long points, @NotBlank @Size(max = 500) String reason) {}

    /**
     * A membership as staff see it. {@code pointsBalance} is what the member can spend (never negative);
     * {@code pointsDebt} is what a refund of points already spent left owing, paid first by the next credits.
     * {@code legacyMemberNumber} is the sequential number of a member enrolled before numbers became random (staff only).
     */
    public record MemberView(
            String id,
            String programmeId,
            String customerId,
            String memberNumber,
            String legacyMemberNumber,
            String referralCode,
            String status,
            String tier,
            int tierRank,
            long pointsBalance,

            @Schema(description = "points owed after a refund of points already spent; the next credits pay it first")
            long pointsDebt,

            Instant periodStart,
            Instant periodEnd,
            Instant enrolledAt,
            Instant leftAt) {
        public static MemberView of(Member m) {
            return of(m, m.pointsBalance);
        }

        /** With the balance spendable now (points past their expiry left out even before they are booked as expired). */
        public static MemberView of(Member m, long spendable) {
            return new MemberView(
                    m.id.toString(),
                    m.programmeId.toString(),
                    m.customerId == null ? null : m.customerId.toString(),
                    m.memberNumber,
                    m.legacyMemberNumber,
                    m.referralCode,
                    m.status,
                    m.tierCode,
                    m.tierRank,
                    spendable,
                    m.pointsDebt,
                    m.periodStart,
                    m.periodEnd,
                    m.enrolledAt,
                    m.leftAt);
        }
    }

    /** One ledger entry; {@code points} is signed. */
    public record EntryView(
            String id,
            String memberId,
            String kind,
            long points,
            String spend,
            String reason,
            String source,
            String sourceKey,
            String partnerId,
            Instant occurredAt,
            Instant createdAt) {
        public static EntryView of(LedgerEntry e) {
            return new EntryView(
                    e.id.toString(),
                    e.memberId.toString(),
                    e.kind.name(),
                    e.points,
                    e.spend == null ? null : e.spend.toPlainString(),
                    e.reason,
                    e.source,
                    e.sourceKey,
                    e.partnerId == null ? null : e.partnerId.toString(),
                    e.occurredAt,
                    e.createdAt);
        }
    }

    public record BookingView(EntryView entry, long balance) {}

    public record TierChangeView(String fromTier, String toTier, String direction, String reason, Instant changedAt) {
        public static TierChangeView of(TierChange c) {
            return new TierChangeView(c.fromTier, c.toTier, c.direction, c.reason, c.changedAt);
        }
    }
}
