package io.rapport.loyalty.partnerkeys;

import io.rapport.loyalty.partnerkeys.PartnerKeyDtos.IssuedKey;
import io.rapport.loyalty.partnerkeys.PartnerKeyDtos.KeyCreate;
import io.rapport.loyalty.partnerkeys.PartnerKeyDtos.KeyView;
import io.rapport.loyalty.partnerkeys.PartnerKeyDtos.Verified;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.ProblemException;
import io.rapport.platform.rest.openapi.CreatedLocation;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Partner API keys, admin only (README "Partner API keys"): issued here, shown once, stored as a hash; the gateway asks
 * {@link #verify} which partner a presented key belongs to and caches the answer briefly, so a revocation needs no restart.
 */
@Allow(Roles.ADMIN)
@Path("/api/v1/loyalty")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Alliance partners and their settlement")
public class PartnerKeyResource {
    private final PartnerKeyService keys;

    public PartnerKeyResource(PartnerKeyService keys) {
        this.keys = keys;
    }

    @POST
    @Path("/partners/{partnerId}/keys")
    @Operation(operationId = "createPartnerKey", summary = "Issue an API key for a partner")
    @APIResponse(
            responseCode = "201",
            description = "Issued",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedKey.class)))
    @Extension(name = CreatedLocation.EXTENSION, value = "The new key, through the gateway")
    public Response create(@PathParam("partnerId") UUID partnerId, @Valid KeyCreate body) {
        return issued(keys.create(partnerId, body == null ? null : body.scopes()), 201);
    }

    @GET
    @Path("/partners/{partnerId}/keys")
    @Operation(operationId = "listPartnerKeys", summary = "A partner's API keys")
    public List<KeyView> list(@PathParam("partnerId") UUID partnerId) {
        return keys.list(partnerId).stream().map(KeyView::of).toList();
    }

    @POST
    @Path("/partners/{partnerId}/keys/{keyId}/rotate")
    @Operation(operationId = "rotatePartnerKey", summary = "Rotate a partner's API key")
    @APIResponse(
            responseCode = "201",
            description = "The new key",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedKey.class)))
    @Extension(name = CreatedLocation.EXTENSION, value = "The new key, through the gateway")
    public Response rotate(@PathParam("partnerId") UUID partnerId, @PathParam("keyId") UUID keyId) {
        return issued(keys.rotate(partnerId, keyId), 201);
    }

    @DELETE
    @Path("/partners/{partnerId}/keys/{keyId}")
    @Operation(operationId = "revokePartnerKey", summary = "Revoke a partner's API key")
    public KeyView revoke(@PathParam("partnerId") UUID partnerId, @PathParam("keyId") UUID keyId) {
        return KeyView.of(keys.revoke(partnerId, keyId));
    }

    @GET
    @Path("/internal/partner-keys/{sha256}")
    @Operation(operationId = "verifyPartnerKey", summary = "Which partner a key hash belongs to (for the gateway)")
    public Verified verify(
            @Parameter(
                            description = "SHA-256 of the key",
                            example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                    @PathParam("sha256")
                    String sha256) {
        String digest = sha256.trim();
        if (!PartnerKeyFormat.isDigest(digest)) {
            throw ProblemException.invalid("sha256", "must be a lower-case hex SHA-256");
        }
        PartnerKeyService.Verification v =
                keys.verify(digest).orElseThrow(() -> ProblemException.notFound("partner key", "hash"));
        String status =
                !v.partnerActive() && PartnerApiKey.ACTIVE.equals(v.key().status) ? "PARTNER_INACTIVE" : v.key().status;
        return new Verified(
                v.key().id.toString(),
                v.key().partnerId.toString(),
                status,
                Arrays.asList(v.key().scopes.split(",")));
    }

    private static Response issued(PartnerKeyService.Issued i, int status) {
        return Response.status(status)
                .location(URI.create("/api/v1/loyalty/partners/" + i.key().partnerId + "/keys/" + i.key().id))
                .entity(new IssuedKey(i.secret(), KeyView.of(i.key())))
                .build();
    }
}
