package io.rapport.loyalty.rest;

import io.rapport.loyalty.domain.MemberEvent;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of club events, invitations and RSVPs. */
public final class MemberEventDtos {
    private MemberEventDtos() {}

    @Schema(
            examples =
                    "{\"title\":\"Preview day at head office\",\"location\":\"Qingdao\",\"startsAt\":\"2026-09-01T09:00:00Z\","
                            + "\"capacity\":40,\"minTier\":\"GOLD\"}")
    public record EventCreate(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 200) String location,
            @NotNull Instant startsAt,
            @NotNull @Min(1) Integer capacity,
            String minTier) {
        io.rapport.loyalty.service.MemberEventService.EventCreate command() {
            return new io.rapport.loyalty.service.MemberEventService.EventCreate(title, location, startsAt, capacity);
        }
    }

    @Schema(description = "Members to invite; omit or leave empty to invite every eligible member")
    public record InviteRequest(@Size(max = 1000) List<UUID> memberIds) {}

    @Schema(examples = "{\"memberId\":\"6a1f0c3e-2b4d-4e5f-8a6b-7c8d9e0f1a2b\",\"response\":\"ACCEPT\"}")
    public record Rsvp(
            @NotNull UUID memberId,

            @NotNull @Pattern(regexp = "ACCEPT|DECLINE", message = "ACCEPT or DECLINE")
            String response) {}

    public record EventView(
            String id,
            String programmeId,
            String title,
            String location,
            Instant startsAt,
            int capacity,
            Integer minTierRank,
            int accepted,
            long invited) {
        public static EventView of(MemberEvent e, long invited) {
            return new EventView(
                    e.id.toString(),
                    e.programmeId.toString(),
                    e.title,
                    e.location,
                    e.startsAt,
                    e.capacity,
                    e.minTierRank,
                    e.accepted,
                    invited);
        }
    }

    public record InviteResult(int invited) {}

    public record RsvpResult(String memberId, String status) {}
}
