package io.rapport.customer.rest;

import io.rapport.customer.model.ImportResult;
import io.rapport.customer.service.ImportService;
import io.rapport.platform.identity.Allow;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.LargeBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/customers/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(ImportResource.NDJSON)
@Tag(
        name = "Bulk import",
        description =
                "Existing customers and purchases from another system, as NDJSON streams" + " (customers also as CSV)")
@APIResponse(responseCode = "415", description = "Unsupported media type: send application/x-ndjson or text/csv")
@APIResponse(
        responseCode = "200",
        description = "Counts and the first failed lines",
        content =
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
public class ImportResource {
    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final ImportService imports;

    private final Caller caller;

    public ImportResource(ImportService imports, Caller caller) {
        this.caller = caller;
        this.imports = imports;
    }

    @Allow(Roles.DATA_STEWARD)
    @POST
    @LargeBody
    @Consumes({NDJSON, CSV})
    @Operation(summary = "Import customers")
    @RequestBody(
            content = {
                @Content(
                        mediaType = NDJSON,
                        schema =
                                @Schema(
                                        implementation = String.class,
                                        examples = {
                                            "{\"kind\":\"CONSUMER\",\"givenName\":\"Ada\",\"emails\":[{\"value\":\"ada@example.org\"}]}",
                                            "{\"kind\":\"ENTERPRISE\",\"organisation\":{\"companyName\":\"Acme\"},\"externalIds\":[{\"system\":\"erp\",\"id\":\"A-1\"}]}"
                                        })),
                @Content(
                        mediaType = CSV,
                        schema =
                                @Schema(
                                        implementation = String.class,
                                        examples =
                                                "kind,givenName,familyName,email,postalCode,country,birthDate\nCONSUMER,Ada,Lovelace,ada@example.org,SW1Y 4JH,GB,1985-12-10\n"))
            })
    public ImportResult customers(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws IOException, SQLException {
        if (isCsv(contentType)) {
            return imports.importCustomersCsv(body, caller.subject());
        }
        return imports.importCustomers(body, caller.subject());
    }

    @Allow(Roles.DATA_STEWARD)
    @POST
    @Path("/purchases")
    @LargeBody
    @Consumes({NDJSON, CSV})
    @Operation(summary = "Import purchases")
    @RequestBody(
            content = {
                @Content(
                        mediaType = NDJSON,
                        schema =
                                @Schema(
                                        implementation = String.class,
                                        examples =
                                                "{\"customerEmail\":\"ada@example.org\",\"sourceSystem\":\"shop\",\"orderId\":\"SO-1\",\"occurredAt\":\"2025-05-01T10:00:00Z\","
                                                        + "\"currency\":\"EUR\",\"lines\":[{\"sku\":\"P-1\",\"category\":\"bedding\",\"quantity\":1,\"unitPrice\":\"39.90\"}]}")),
                @Content(
                        mediaType = CSV,
                        schema =
                                @Schema(
                                        implementation = String.class,
                                        examples =
                                                "customerEmail,sourceSystem,orderId,occurredAt,currency,sku,category,quantity,unitPrice,unitCost\n"
                                                        + "ada@example.org,shop,SO-1,2025-05-01T10:00:00Z,EUR,P-1,bedding,1,39.90,12.00\n"
                                                        + ",shop,SO-1,,,P-2,bath,2,9.90,\n"))
            })
    public ImportResult purchases(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws IOException, SQLException {
        if (isCsv(contentType)) {
            return imports.importPurchasesCsv(body);
        }
        return imports.importPurchases(body);
    }

    private static boolean isCsv(String contentType) {
        return contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.valueOf(CSV));
    }
}
