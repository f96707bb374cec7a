package io.rapport.loyalty.rest;

import io.rapport.loyalty.domain.Reward;
import io.rapport.loyalty.domain.RewardRedemption;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the rewards catalogue. */
public final class RewardDtos {
    private RewardDtos() {}

    @Schema(examples = "{\"name\":\"Cinema voucher\",\"pointsCost\":500,\"stock\":100}")
    public record RewardCreate(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @NotNull @Positive Long pointsCost,
            @Min(0) Integer stock) {
        io.rapport.loyalty.service.RewardService.RewardCreate command() {
            return new io.rapport.loyalty.service.RewardService.RewardCreate(name, description, pointsCost, stock);
        }
    }

    @Schema(examples = "{\"memberId\":\"6a1f0c3e-2b4d-4e5f-8a6b-7c8d9e0f1a2b\"}")
    public record RewardRedeem(@NotNull UUID memberId) {}

    public record RewardView(
            String id,
            String programmeId,
            String name,
            String description,
            long pointsCost,
            Integer stock,
            boolean active) {
        public static RewardView of(Reward r) {
            return new RewardView(
                    r.id.toString(), r.programmeId.toString(), r.name, r.description, r.pointsCost, r.stock, r.active);
        }
    }

    public record RedemptionView(
            String id, String rewardId, String memberId, String entryId, long points, long balance, Instant createdAt) {
        public static RedemptionView of(RewardRedemption r, long balance) {
            return new RedemptionView(
                    r.id.toString(),
                    r.rewardId.toString(),
                    r.memberId.toString(),
                    r.entryId.toString(),
                    r.points,
                    balance,
                    r.createdAt);
        }
    }
}
