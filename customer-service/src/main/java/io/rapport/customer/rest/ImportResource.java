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
    @Operation(
            summary = "Import customers",
            description = "NDJSON (application/x-ndjson): one CustomerInput JSON object"
                    + " per line. CSV (text/csv, UTF-8): a header row naming the columns (kind, givenName, familyName, companyName,"
                    + " industry, companySize, email, phone, addressLine1, addressLine2, postalCode, city, region, country, birthDate, locale,"
                    + " timeZone, ownerId, tags, acquisitionSource, referralCode, walletAmount, walletCurrency, target,"
                    + " channelPreference, externalSystem, externalId; email, phone, tags and channelPreference take several values"
                    + " separated by ';'), then one customer per row; an unknown column answers 400; a failed row is reported with"
                    + " its line in the file (the header is line 1) and the column, never the value. Other media types answer 415"
                    + " naming these two. Up to 100,000 rows a"
                    + " request). Each row needs an e-mail, phone or external id; a row whose identity already exists is EXISTING"
                    + " and changes nothing, so running the same file twice changes nothing. The body is read as a stream and written"
                    + " in chunks; lines longer than 1 MiB fail unread. Answers 200 with counts (rows, created, existing, failed)"
                    + " and the first 100 failed lines (errors; errorsOmitted counts the rest), never a result per row;"
                    + " publishes CustomerRegistered for each created customer.")
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
    @APIResponse(
            responseCode = "415",
            description = "Unsupported" + " media type: send application/x-ndjson or text/csv")
    @APIResponse(
            responseCode = "200",
            description = "Counts and" + " the first failed lines",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportResult.class)))
    public ImportResult customers(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws IOException, SQLException {
        if (contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.valueOf(CSV))) {
            return imports.importCustomersCsv(body, caller.subject());
        }
        return imports.importCustomers(body, caller.subject());
    }

    @Allow(Roles.DATA_STEWARD)
    @POST
    @Path("/purchases")
    @LargeBody
    @Consumes({NDJSON, CSV})
    @Operation(
            summary = "Import purchases",
            description = "Purchases with their customer named by customerId,"
                    + " customerEmail or customerExternalSystem + customerExternalId (merged customers are followed to the"
                    + " survivor). NDJSON (application/x-ndjson): one purchase (PurchaseImportRow) per line. CSV (text/csv,"
                    + " UTF-8): a header row naming the columns (customerId, customerEmail, customerExternalSystem,"
                    + " customerExternalId, sourceSystem, orderId, occurredAt, currency, channel, store, sku, category, quantity,"
                    + " unitPrice, unitCost; orderId, occurredAt, currency, sku, category, quantity and unitPrice are required), then one row"
                    + " per purchase LINE: the rows of one order (same sourceSystem and orderId) follow each other and the order's"
                    + " cells are taken from its first row. An unknown column answers 400; a failed purchase is reported once,"
                    + " with the line in the file of the row at fault (the header is line 1) and the column, never the value."
                    + " Other media types answer 415 naming these two. The order id per source system is the idempotency key:"
                    + " known orders are EXISTING and publish nothing. Publishes PurchaseRecorded for each new purchase. Answers"
                    + " like the customer import: counts (one per purchase) and the first 100 failed lines.")
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
    @APIResponse(
            responseCode = "415",
            description = "Unsupported" + " media type: send application/x-ndjson or text/csv")
    @APIResponse(
            responseCode = "200",
            description = "Counts and" + " the first failed lines",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportResult.class)))
    public ImportResult purchases(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws IOException, SQLException {
        if (contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.valueOf(CSV))) {
            return imports.importPurchasesCsv(body);
        }
        return imports.importPurchases(body);
    }
}
