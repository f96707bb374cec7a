package io.rapport.engagement.rest;

import io.rapport.engagement.domain.Channel;
import io.rapport.engagement.domain.Level;
import io.rapport.engagement.domain.pressure.PressureSnapshot;
import io.rapport.engagement.service.ContactPressureQuery;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/engagement/contact-pressure/batch")
@Tag(name = "Contacts", description = "Follow-up contacts under contact caps and quiet hours, and reps' agendas")
public class ContactPressureResource {
    /** The most customers one request may name. */
    public static final int MAX_IDS = 200;

    private final ContactPressureQuery query;
    private final Caller caller;

    public ContactPressureResource(ContactPressureQuery query, Caller caller) {
        this.query = query;
        this.caller = caller;
    }

    @Schema(
            description = "The customers whose contact pressure to read (1 to 200 ids; duplicates count once)",
            examples = """
            {"customerIds":["3f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f40","8d2e6a10-4b7c-4f3e-9a55-2c1d0e9f8a71"]}""")
    public record Request(
            @NotNull @Size(min = 1, max = MAX_IDS) List<@NotNull UUID> customerIds) {}

    @Schema(description = "One frequency cap that governs the customer, and its use around now")
    public record Cap(
            @Schema(description = "The cap in its text form, e.g. 1/P3D or @SMS:1/P7D")
            String cap,

            String description,

            @Schema(description = "The channel it counts; null: every channel")
            Channel channel,

            int max,

            @Schema(description = "Outbound contacts made or due in the window ending now")
            int used,

            @Schema(description = "Contacts planned in the window starting now")
            int planned,

            @Schema(description = "used >= max: another contact now would exceed the cap")
            boolean reached) {}

    @Schema(description = "The contact pressure one customer is under now")
    public record Pressure(
            UUID customerId,
            Level level,
            String timeZone,

            @Schema(description = "The customer's wall-clock time now (HH:mm:ss)")
            String localTime,

            @Schema(description = "Now falls into the quiet hours in the customer's zone")
            boolean quietHoursNow,

            @Schema(description = "Now is a Saturday or Sunday in the customer's zone and weekends are not allowed")
            boolean weekendNow,

            List<Cap> caps) {
        static Pressure of(UUID id, PressureSnapshot s) {
            return new Pressure(
                    id,
                    s.level(),
                    s.zone().getId(),
                    s.localTime().toString(),
                    s.quietHoursNow(),
                    s.weekendNow(),
                    s.caps().stream()
                            .map(c -> new Cap(
                                    c.cap(), c.description(), c.channel(), c.max(), c.used(), c.planned(), c.reached()))
                            .toList());
        }
    }

    @Schema(description = "The contact pressure of the requested customers, in the order asked")
    public record Answer(
            Instant at,
            List<Pressure> items,

            @Schema(description = "Ids engagement does not know (or merged away, or erased)")
            List<UUID> unknown,

            @Schema(description = "Ids a sales rep may not see (neither its customer nor one it has a contact for)")
            List<UUID> withheld) {}

    @Allow({Roles.SALES, Roles.MARKETING, Roles.SUPPORT})
    @POST
    @Operation(summary = "Contact pressure of many customers")
    @APIResponse(
            responseCode = "200",
            description = "The pressure per customer",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = Answer.class),
                            examples = @ExampleObject(name = "one customer at cap, in quiet hours", value = """
                            {"at":"2026-05-04T19:30:00Z","items":[{"customerId":"3f1c2b9e-8a52-4d7e-9f1a-0c6b1d2e3f40",
                             "level":"PROACTIVE","timeZone":"Europe/Berlin","localTime":"21:30","quietHoursNow":true,
                             "weekendNow":false,"caps":[{"cap":"1/PT72H","description":"at most 1 outbound contact in 3 days",
                             "max":1,"used":1,"planned":0,"reached":true},{"cap":"4/PT720H",
                             "description":"at most 4 outbound contacts in 30 days","max":4,"used":2,
                             "planned":1,"reached":false}]}],"unknown":[],"withheld":[]}""")))
    public Answer read(@Valid @NotNull Request request) {
        boolean everyone = caller.hasAnyRole(Roles.ADMIN, Roles.MARKETING, Roles.SUPPORT);
        ContactPressureQuery.Result result = query.read(request.customerIds(), everyone ? null : caller.subject());
        return new Answer(
                result.at(),
                result.pressure().entrySet().stream()
                        .map(e -> Pressure.of(e.getKey(), e.getValue()))
                        .toList(),
                result.unknown(),
                result.withheld());
    }
}
