package io.rapport.segmentation.rest;

import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.Page;
import io.rapport.platform.rest.PageRequest;
import io.rapport.platform.rest.openapi.CreatedLocation;
import io.rapport.segmentation.classification.Policy;
import io.rapport.segmentation.classification.PolicyStore;
import io.rapport.segmentation.domain.Scheme;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Classification policies, versioned per scheme; one active version per scheme. */
@Allow({Roles.SALES, Roles.MARKETING})
@Path("/api/v1/segments/policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policies", description = "ABC and MVC/MGC/BZ classification policies, versioned")
public class PolicyResource {
    private final PolicyStore policies;

    private final Caller caller;

    public PolicyResource(PolicyStore policies, Caller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @Path("{scheme}")
    @Operation(summary = "The active policy of a scheme")
    @APIResponseSchema(
            value = Policy.class,
            responseCode = "200",
            responseDescription = "The active policy (ETag: its version)")
    public Response active(@BeanParam SchemePath scheme) {
        Policy p = policies.active(scheme.scheme());
        return Response.ok(p).tag(ETags.of(p.version()).replace("\"", "")).build();
    }

    @GET
    @Path("{scheme}/versions")
    @Operation(summary = "All versions of a scheme's policy, newest first")
    public Page<Policy> versions(@BeanParam SchemePath scheme, @BeanParam PageRequest page) {
        Scheme s = scheme.scheme();
        page.validate(Set.of("version"), "version,desc");
        return Page.of(policies.versions(s, page), page, policies.countVersions(s));
    }

    @GET
    @Path("{scheme}/versions/{version}")
    @Operation(summary = "One version of a scheme's policy")
    @APIResponseSchema(value = Policy.class, responseCode = "200", responseDescription = "That version of the policy")
    public Response version(@BeanParam SchemePath scheme, @PathParam("version") long version) {
        Policy p = policies.version(scheme.scheme(), version);
        return Response.ok(p).tag(ETags.of(p.version()).replace("\"", "")).build();
    }

    @Allow(Roles.MARKETING)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create the next policy version of a scheme and make it active")
    @APIResponseSchema(value = Policy.class, responseCode = "201", responseDescription = "A new version of the policy")
    @Extension(name = CreatedLocation.EXTENSION, value = "The new resource, through the gateway")
    public Response create(@Valid @NotNull PolicyRequest request, @HeaderParam("If-Match") String ifMatch) {
        Policy p = policies.create(request.scheme(), request.abc(), request.value(), ifMatch, caller.subject());
        return Response.created(URI.create("/api/v1/segments/policies/" + p.scheme() + "/versions/" + p.version()))
                .tag(ETags.of(p.version()).replace("\"", ""))
                .entity(p)
                .build();
    }

    @Allow(Roles.MARKETING)
    @POST
    @Path("{scheme}/versions/{version}/activate")
    @Operation(summary = "Make an existing version the active one (e.g. roll back)")
    public Policy activate(@BeanParam SchemePath scheme, @PathParam("version") long version) {
        return policies.activate(scheme.scheme(), version);
    }
}
