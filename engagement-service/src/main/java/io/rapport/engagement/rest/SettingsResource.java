package io.rapport.engagement.rest;

import io.rapport.engagement.domain.Level;
import io.rapport.engagement.service.LevelService;
import io.rapport.engagement.service.PressureSettingsService;
import io.rapport.engagement.service.PressureSettingsService.Settings;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/engagement")
@Tag(name = "Engagement settings", description = "Contact-pressure rules and the class-to-level mapping")
public class SettingsResource {
    private final PressureSettingsService pressure;
    private final LevelService levels;

    public SettingsResource(PressureSettingsService pressure, LevelService levels) {
        this.pressure = pressure;
        this.levels = levels;
    }

    @Schema(description = "Contact-pressure rules", examples = """
            {"quietHours":"20:00-08:00","allowWeekends":false,"caps":"1/P3D,4/P30D,PARTNERSHIP:2/P3D,@SMS:1/P7D"}""")
    public record PressureBody(
            @NotNull @Size(max = 50) String quietHours,
            boolean allowWeekends,
            @NotNull @Size(max = 2000) String caps) {}

    @Schema(examples = """
            {"level":"PARTNERSHIP"}""")
    public record MappingBody(@NotNull Level level) {}

    @Allow({Roles.SALES, Roles.MARKETING, Roles.SUPPORT})
    @GET
    @Path("/pressure-rules")
    @Operation(summary = "Contact-pressure rules in force")
    @APIResponse(
            responseCode = "200",
            description = "The contact-pressure rules (ETag: their version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Settings.class)))
    public Response pressure() {
        Settings s = pressure.current();
        return Response.ok(s).header("ETag", ETags.of(s.version())).build();
    }

    @Allow(Roles.MARKETING)
    @PUT
    @Path("/pressure-rules")
    @Operation(summary = "Change the contact-pressure rules")
    public Settings updatePressure(@Valid @NotNull PressureBody body, @HeaderParam("If-Match") String ifMatch) {
        ETags.check(ifMatch, pressure.current().version());
        return pressure.update(body.quietHours(), body.allowWeekends(), body.caps());
    }

    @Allow({Roles.SALES, Roles.MARKETING, Roles.SUPPORT})
    @GET
    @Path("/level-mappings")
    @Operation(summary = "Class-to-level mapping")
    public Map<String, Level> mappings() {
        return levels.mapping();
    }

    @Allow(Roles.MARKETING)
    @PUT
    @Path("/level-mappings/{scheme}/{classLabel}")
    @Operation(summary = "Map a class of a scheme to a level")
    public Map<String, Level> map(
            @PathParam("scheme") @Pattern(regexp = "[A-Za-z0-9_-]{1,50}") String scheme,
            @PathParam("classLabel") @Pattern(regexp = "[A-Za-z0-9_-]{1,50}") String classLabel,
            @Valid @NotNull MappingBody body) {
        levels.map(scheme, classLabel, body.level());
        return levels.mapping();
    }

    @Allow(Roles.MARKETING)
    @DELETE
    @Path("/level-mappings/{scheme}/{classLabel}")
    @Operation(summary = "Remove a mapping")
    public Map<String, Level> unmap(@PathParam("scheme") String scheme, @PathParam("classLabel") String classLabel) {
        levels.map(scheme, classLabel, null);
        return levels.mapping();
    }
}
