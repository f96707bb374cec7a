package io.rapport.customer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportApiIT {
    private static final String NDJSON = "application/x-ndjson";

    @Inject
    AgroalDataSource ds;

    private static ExtractableResponse<Response> post(String path, String body) {
        return given().contentType(NDJSON)
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(path)
                .then()
                .statusCode(200)
                .extract();
    }

    @Test
    void customersAreImportedWithCountsAndTheFailedLinesAndARerunChangesNothing() {
        String tag = "imp" + System.nanoTime();
        String email = Api.uniqueEmail();
        String ext = "E-" + System.nanoTime();
        String file = """
                {"kind":"CONSUMER","givenName":"Ann","emails":[{"value":"%1$s"}],"tags":["%2$s"]}

                {"kind":"CONSUMER","givenName":"Bad","emails":[{"value":"not-an-email"}],"tags":["%2$s"]}
                {"kind":"CONSUMER","givenName":"Again","emails":[{"value":"%3$s"}],"tags":["%2$s"]}
                {"kind":"ENTERPRISE","organisation":{"companyName":"Acme"},"externalIds":[{"system":"erp","id":"%4$s"}],"tags":["%2$s"]}
                {"kind":"ALIEN","givenName":"X","emails":[{"value":"x@example.org"}]}
                {"kind":"CONSUMER","givenName":"Nobody"}
                this is not json
                """.formatted(email, tag, email.toUpperCase(), ext);
        ExtractableResponse<Response> first = post("/api/v1/customers/import", file);
        assertThat(first.<Integer>path("rows")).isEqualTo(7);
        assertThat(first.<Integer>path("created")).isEqualTo(2);
        assertThat(first.<Integer>path("existing")).isEqualTo(1);
        assertThat(first.<Integer>path("failed")).isEqualTo(4);
        assertThat(first.<List<Integer>>path("errors.line")).containsExactly(3, 6, 7, 8);
        assertThat(first.<Integer>path("errorsOmitted")).isZero();
        assertThat(first.<String>path("errors[0].field")).isEqualTo("emails[0].value");
        assertThat(first.<String>path("errors[1].field")).isEqualTo("kind");
        assertThat(first.<Object>path("results")).isNull();
        long registered =
                Db.count(ds, "select count(*) from rapport_outbox where type = 'rapport.customer.registered.v1'");

        ExtractableResponse<Response> second = post("/api/v1/customers/import", file);
        assertThat(second.<Integer>path("created")).isZero();
        assertThat(second.<Integer>path("existing")).isEqualTo(3);
        assertThat(Db.count(ds, "select count(*) from rapport_outbox where type = 'rapport.customer.registered.v1'"))
                .isEqualTo(registered);
        assertThat(Db.count(ds, "select count(*) from customer_contact_point where value = ?", email))
                .isEqualTo(1);
        Api.json().queryParam("tag", tag).get("/api/v1/customers").then().body("total", equalTo(2));
        Api.json()
                .queryParam("tag", tag)
                .queryParam("kind", "CONSUMER")
                .get("/api/v1/customers")
                .then()
                .body("items[0].primaryEmail", equalTo(email));
    }

    /** The owner of the customer holding this e-mail, or "-" when there is none, "null" when it has no owner. */
    private String ownerOf(String email) {
        try (java.sql.Connection c = ds.getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement(
                        "select c.owner_id from customer c join customer_contact_point p on p.customer_id = c.id"
                                + " where p.value = ?")) {
            ps.setString(1, email);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? String.valueOf(rs.getString(1)) : "-";
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A data steward is no admin: a single create lets it name no owner but itself (403), so an import must not
     * either. A row naming another owner fails on the field ownerId (the value is not echoed); a row without an
     * owner, or naming the importer, is the importer's, as a single create would make it. Admin names any owner.
     */
    @Test
    void anImportNamesOnlyTheOwnersTheCallerCouldNameInASingleCreate() {
        String other = "rep-" + System.nanoTime();
        String foreign = Api.uniqueEmail();
        String none = Api.uniqueEmail();
        String self = Api.uniqueEmail();
        String file = """
                {"kind":"CONSUMER","givenName":"Foreign","emails":[{"value":"%s"}],"ownerId":"%s"}
                {"kind":"CONSUMER","givenName":"None","emails":[{"value":"%s"}]}
                {"kind":"CONSUMER","givenName":"Self","emails":[{"value":"%s"}],"ownerId":"dora"}
                """.formatted(foreign, other, none, self);
        ExtractableResponse<Response> r = given().header("X-Rapport-Principal", "dora")
                .header("X-Rapport-Roles", "data-steward")
                .contentType(NDJSON)
                .body(file.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/customers/import")
                .then()
                .statusCode(200)
                .extract();
        assertThat(r.<Integer>path("created")).isEqualTo(2);
        assertThat(r.<Integer>path("failed")).isEqualTo(1);
        assertThat(r.<List<Integer>>path("errors.line")).containsExactly(1);
        assertThat(r.<String>path("errors[0].field")).isEqualTo("ownerId");
        assertThat(r.asString()).doesNotContain(other).doesNotContain(foreign);
        assertThat(ownerOf(foreign)).isEqualTo("-");
        assertThat(ownerOf(none)).isEqualTo("dora");
        assertThat(ownerOf(self)).isEqualTo("dora");

        String csvForeign = Api.uniqueEmail();
        ExtractableResponse<Response> csv = given().header("X-Rapport-Principal", "dora")
                .header("X-Rapport-Roles", "data-steward")
                .contentType("text/csv")
                .body(("kind,givenName,email,ownerId\nCONSUMER,Foreign," + csvForeign + "," + other + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/customers/import")
                .then()
                .statusCode(200)
                .extract();
        assertThat(csv.<List<Integer>>path("errors.line")).containsExactly(2);
        assertThat(csv.<String>path("errors[0].field")).isEqualTo("ownerId");
        assertThat(ownerOf(csvForeign)).isEqualTo("-");

        String assigned = Api.uniqueEmail();
        given().header("X-Rapport-Principal", "root")
                .header("X-Rapport-Roles", "admin")
                .contentType(NDJSON)
                .body(("{\"kind\":\"CONSUMER\",\"givenName\":\"Assigned\",\"emails\":[{\"value\":\"" + assigned
                                + "\"}],\"ownerId\":\"" + other + "\"}\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/customers/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(1));
        assertThat(ownerOf(assigned)).isEqualTo(other);
    }

    @Test
    void manyBadLinesGiveTheCountsAndOnlyTheFirstHundredErrors() {
        String tag = "many" + System.nanoTime();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            if (i % 2 == 0) {
                file.append("{\"kind\":\"CONSUMER\",\"givenName\":\"Good")
                        .append(i)
                        .append("\",\"emails\":[{\"value\":\"")
                        .append(tag)
                        .append('-')
                        .append(i)
                        .append("@example.org\"}],\"tags\":[\"")
                        .append(tag)
                        .append("\"]}\n");
            } else {
                file.append("{\"kind\":\"CONSUMER\",\"givenName\":\"Bad")
                        .append(i)
                        .append("\",\"emails\":[{\"value\":\"nope\"}]}\n");
            }
        }
        ExtractableResponse<Response> r = post("/api/v1/customers/import", file.toString());
        assertThat(r.<Integer>path("rows")).isEqualTo(3000);
        assertThat(r.<Integer>path("created")).isEqualTo(1500);
        assertThat(r.<Integer>path("failed")).isEqualTo(1500);
        assertThat(r.<List<Integer>>path("errors.line"))
                .hasSize(100)
                .startsWith(2, 4, 6)
                .endsWith(200);
        assertThat(r.<Integer>path("errorsOmitted")).isEqualTo(1400);
        assertThat(r.<Object>path("results")).isNull();
        Api.json().queryParam("tag", tag).get("/api/v1/customers").then().body("total", equalTo(1500));
    }

    @Test
    void aLineOverTheLineLimitFailsUnreadAndTheNextLinesAreImported() {
        String email = Api.uniqueEmail();
        String huge = "{\"kind\":\"CONSUMER\",\"givenName\":\"" + "x".repeat(1_100_000) + "\"}";
        String file =
                huge + "\n{\"kind\":\"CONSUMER\",\"givenName\":\"After\",\"emails\":[{\"value\":\"" + email + "\"}]}\n";
        ExtractableResponse<Response> r = post("/api/v1/customers/import", file);
        assertThat(r.<Integer>path("rows")).isEqualTo(2);
        assertThat(r.<Integer>path("created")).isEqualTo(1);
        assertThat(r.<Integer>path("errors[0].line")).isEqualTo(1);
        assertThat(r.<String>path("errors[0].message")).contains("at most 1048576");
        assertThat(Db.count(ds, "select count(*) from customer_contact_point where value = ?", email))
                .isEqualTo(1);
    }

    @Test
    void purchasesAreImportedIdempotentlyAndFollowTheirCustomer() {
        String email = Api.uniqueEmail();
        String customer = Api.create(Api.person(email, Api.uniquePhone()));
        String order = "IMP-" + System.nanoTime();
        String line = "\"sourceSystem\":\"legacy\",\"occurredAt\":\"2024-05-01T10:00:00Z\",\"currency\":\"EUR\","
                + "\"lines\":[{\"sku\":\"P-1\",\"category\":\"bedding\",\"quantity\":2,\"unitPrice\":\"10.00\",\"unitCost\":\"4\"}]";
        String file = "{\"customerEmail\":\"" + email.toUpperCase() + "\",\"orderId\":\"" + order + "-1\"," + line
                + "}\n"
                + "{\"customerId\":\"" + customer + "\",\"orderId\":\"" + order + "-2\"," + line + "}\n"
                + "{\"customerId\":\"" + customer + "\",\"orderId\":\"" + order + "-1\"," + line + "}\n"
                + "{\"customerEmail\":\"" + Api.uniqueEmail() + "\",\"orderId\":\"" + order + "-3\"," + line + "}\n"
                + "{\"customerId\":\"" + customer + "\",\"orderId\":\"" + order + "-4\"," + line.replace("EUR", "EURO")
                + "}\n";
        ExtractableResponse<Response> first = post("/api/v1/customers/import/purchases", file);
        assertThat(first.<Integer>path("created")).isEqualTo(2);
        assertThat(first.<Integer>path("existing")).isEqualTo(1);
        assertThat(first.<List<Integer>>path("errors.line")).containsExactly(4, 5);
        assertThat(first.<String>path("errors[0].field")).isEqualTo("customerEmail");
        assertThat(first.<String>path("errors[1].field")).isEqualTo("currency");
        assertThat(Db.events(ds, customer, "rapport.customer.purchase-recorded.v1"))
                .isEqualTo(2);

        ExtractableResponse<Response> second = post("/api/v1/customers/import/purchases", file);
        assertThat(second.<Integer>path("created")).isZero();
        assertThat(second.<Integer>path("existing")).isEqualTo(3);
        assertThat(Db.events(ds, customer, "rapport.customer.purchase-recorded.v1"))
                .isEqualTo(2);
        Api.json()
                .get("/api/v1/customers/" + customer + "/purchases")
                .then()
                .body("total", equalTo(2))
                .body("items[0].total", equalTo("20.00"));
    }

    @Test
    void bigFilesAreWrittenInChunks() {
        String tag = "bulk" + System.nanoTime();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 2500; i++) {
            file.append("{\"kind\":\"CONSUMER\",\"givenName\":\"Bulk")
                    .append(i)
                    .append("\",\"emails\":[{\"value\":\"")
                    .append(tag)
                    .append('-')
                    .append(i)
                    .append("@example.org\"}],\"tags\":[\"")
                    .append(tag)
                    .append("\"]}\n");
        }
        ExtractableResponse<Response> r = post("/api/v1/customers/import", file.toString());
        assertThat(r.<Integer>path("created")).isEqualTo(2500);
        Api.json().queryParam("tag", tag).get("/api/v1/customers").then().body("total", equalTo(2500));
    }

    @Test
    void anImportedCustomerWhosePurchaseIsThreeYearsOldIsDormant() {
        String email = Api.uniqueEmail();
        assertThat(post(
                                "/api/v1/customers/import",
                                "{\"kind\":\"CONSUMER\",\"givenName\":\"Old\",\"emails\":[{\"value\":\"" + email
                                        + "\"}]}\n")
                        .<Integer>path("created"))
                .isEqualTo(1);
        String threeYearsAgo = java.time.Instant.now()
                .minus(java.time.Duration.ofDays(3 * 365))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        post(
                "/api/v1/customers/import/purchases",
                "{\"customerEmail\":\"" + email + "\",\"sourceSystem\":\"legacy\",\"orderId\":\"OLD-"
                        + System.nanoTime() + "\",\"occurredAt\":\"" + threeYearsAgo
                        + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"P-1\","
                        + "\"category\":\"bedding\",\"quantity\":1,\"unitPrice\":\"10.00\"}]}\n");
        String customer = Api.json()
                .queryParam("email", email)
                .get("/api/v1/customers/lookup")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        Api.json().get("/api/v1/customers/" + customer).then().body("lastActivityAt", equalTo(threeYearsAgo));

        Api.json().post("/api/v1/customers/hygiene/dormancy-runs").then().statusCode(200);
        Api.json().get("/api/v1/customers/" + customer).then().body("status", equalTo("DORMANT"));
        assertThat(Db.events(ds, customer, "rapport.customer.status-changed.v1"))
                .isEqualTo(1);

        // importing another old purchase is no new activity: the customer stays DORMANT
        post(
                "/api/v1/customers/import/purchases",
                "{\"customerEmail\":\"" + email + "\",\"sourceSystem\":\"legacy\",\"orderId\":\"OLD-"
                        + System.nanoTime() + "\",\"occurredAt\":\"" + threeYearsAgo
                        + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"P-1\","
                        + "\"category\":\"bedding\",\"quantity\":1,\"unitPrice\":\"10.00\"}]}\n");
        Api.json().get("/api/v1/customers/" + customer).then().body("status", equalTo("DORMANT"));
        assertThat(Db.events(ds, customer, "rapport.customer.status-changed.v1"))
                .isEqualTo(1);

        // a recent imported purchase is new activity: ACTIVE again (the same rule as a single purchase), one event
        String lastWeek = java.time.Instant.now()
                .minus(java.time.Duration.ofDays(7))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        post(
                "/api/v1/customers/import/purchases",
                "{\"customerEmail\":\"" + email + "\",\"sourceSystem\":\"legacy\",\"orderId\":\"NEW-"
                        + System.nanoTime() + "\",\"occurredAt\":\"" + lastWeek
                        + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"P-1\","
                        + "\"category\":\"bedding\",\"quantity\":1,\"unitPrice\":\"10.00\"}]}\n");
        Api.json()
                .get("/api/v1/customers/" + customer)
                .then()
                .body("status", equalTo("ACTIVE"))
                .body("lastActivityAt", equalTo(lastWeek));
        assertThat(Db.events(ds, customer, "rapport.customer.status-changed.v1"))
                .isEqualTo(2);
    }

    @Test
    void importWantsNdjson() {
        Api.json()
                .body("{}")
                .post("/api/v1/customers/import")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void theImport415NamesWhatItAccepts() {
        Api.json()
                .body("{}")
                .post("/api/v1/customers/import")
                .then()
                .statusCode(415)
                .body(
                        "detail",
                        org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("application/x-ndjson"),
                                org.hamcrest.Matchers.containsString("text/csv")));
        Api.json()
                .body("{}")
                .post("/api/v1/customers/import/purchases")
                .then()
                .statusCode(415)
                .body(
                        "detail",
                        org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("application/x-ndjson"),
                                org.hamcrest.Matchers.containsString("text/csv")));
        given().contentType("text/plain")
                .body("x")
                .put("/api/v1/customers/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(415)
                .body("detail", org.hamcrest.Matchers.containsString("application/json"));
    }

    private static ExtractableResponse<Response> csv(String body, int status) {
        return given().contentType("text/csv")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/customers/import")
                .then()
                .statusCode(status)
                .extract();
    }

    @Test
    void customersAreImportedFromCsvWithAHeaderRowAndFailedRowsAreReportedByLineWithoutTheirValues() {
        String tag = "csv" + System.nanoTime();
        String email = Api.uniqueEmail();
        String secret = "leak-" + System.nanoTime() + "@nowhere";
        String file =
                "kind,givenName,familyName,email,phone,addressLine1,postalCode,city,country,tags,walletAmount,walletCurrency,"
                        + "channelPreference,externalSystem,externalId\n"
                        + "CONSUMER,Ada,\"Lovelace, Countess\"," + email
                        + ",,\"12 St James's Square\",SW1Y 4JH,London,GB," + tag
                        + ";vip,2500.00,GBP,EMAIL;SMS,,\n"
                        + "CONSUMER,Bad,Mail," + secret + ",,,,,," + tag + ",,,,,\n"
                        + "ALIEN,X,Y," + Api.uniqueEmail() + ",,,,,," + tag + ",,,,,\n"
                        + "ENTERPRISE,,,,,,,,," + tag + ",,,,erp,C-" + tag + "\n"
                        + "\n"
                        + "CONSUMER,Again,Row," + email.toUpperCase() + ",,,,,," + tag + ",,,,,\n";
        ExtractableResponse<Response> first = csv(file, 200);
        assertThat(first.<Integer>path("rows")).isEqualTo(5);
        assertThat(first.<Integer>path("created")).isEqualTo(1);
        assertThat(first.<Integer>path("existing")).isEqualTo(1);
        assertThat(first.<Integer>path("failed")).isEqualTo(3);
        assertThat(first.<List<Integer>>path("errors.line")).containsExactly(3, 4, 5);
        assertThat(first.<List<String>>path("errors.field")).contains("kind");
        assertThat(first.asString()).doesNotContain(secret).doesNotContain("ALIEN");
        Api.json()
                .queryParam("tag", tag)
                .get("/api/v1/customers")
                .then()
                .body("total", equalTo(1))
                .body("items[0].displayName", equalTo("Ada Lovelace, Countess"))
                .body("items[0].primaryEmail", equalTo(email));
        ExtractableResponse<Response> again = csv(file, 200);
        assertThat(again.<Integer>path("created")).isZero();
        assertThat(again.<Integer>path("existing")).isEqualTo(2);
    }

    @Test
    void anUnreadableCsvRowFailsWithItsLineAndTheRowsBeforeItAreKept() {
        String tag = "csvbad" + System.nanoTime();
        String file = "kind,givenName,email,tags\n"
                + "CONSUMER,Ada," + Api.uniqueEmail() + "," + tag + "\n"
                + "CONSUMER,Too,many,cells,here," + tag + "\n";
        ExtractableResponse<Response> r = csv(file, 200);
        assertThat(r.<Integer>path("created")).isEqualTo(1);
        assertThat(r.<List<Integer>>path("errors.line")).containsExactly(3);
        assertThat(r.asString()).doesNotContain("Too");
    }

    private static ExtractableResponse<Response> purchasesCsv(String body, int status) {
        return given().contentType("text/csv")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/customers/import/purchases")
                .then()
                .statusCode(status)
                .extract();
    }

    @Test
    void purchasesAreImportedFromCsvOneRowPerLineIdempotentlyAndFailedRowsAreReportedByLineAndColumnWithoutValues() {
        String email = Api.uniqueEmail();
        String customer = Api.create(Api.person(email, Api.uniquePhone()));
        String order = "CSVP-" + System.nanoTime();
        String secret = "leak-" + System.nanoTime() + "@nowhere";
        String file =
                "customerEmail,customerId,sourceSystem,orderId,occurredAt,currency,sku,category,quantity,unitPrice,unitCost\n"
                        + email.toUpperCase() + ",,legacy," + order
                        + "-1,2024-05-01T10:00:00Z,EUR,P-1,bedding,2,10.00,4\n"
                        + ",,legacy," + order + "-1,,,P-2,bath,1,5.50,\n"
                        + "," + customer + ",legacy," + order + "-2,2024-06-01T10:00:00Z,EUR,P-3,bedding,1,20.00,\n"
                        + "\n"
                        + "," + customer + ",legacy," + order + "-3,2024-06-02T10:00:00Z,EUR,P-4,bedding,1,20.00,\n"
                        + ",,legacy," + order + "-3,,,P-5,bedding,1,12.3x4,\n"
                        + secret + ",,legacy," + order + "-4,2024-06-03T10:00:00Z,EUR,P-6,bedding,1,1.00,\n"
                        + "," + customer + ",legacy," + order + "-5,2024-06-04T10:00:00Z,EURO,P-7,bedding,1,1.00,\n";
        ExtractableResponse<Response> first = purchasesCsv(file, 200);
        assertThat(first.<Integer>path("rows")).isEqualTo(5);
        assertThat(first.<Integer>path("created")).isEqualTo(2);
        assertThat(first.<Integer>path("failed")).isEqualTo(3);
        assertThat(first.<List<Integer>>path("errors.line")).containsExactly(7, 8, 9);
        assertThat(first.<List<String>>path("errors.field")).containsExactly("unitPrice", "customerEmail", "currency");
        assertThat(first.asString())
                .doesNotContain(secret)
                .doesNotContain("12.3x4")
                .doesNotContain("EURO");
        Api.json()
                .get("/api/v1/customers/" + customer + "/purchases")
                .then()
                .body("total", equalTo(2))
                .body("items.find { it.orderId == '" + order + "-1' }.total", equalTo("25.50"))
                .body("items.find { it.orderId == '" + order + "-1' }.lines", hasSize(2));
        assertThat(Db.events(ds, customer, "rapport.customer.purchase-recorded.v1"))
                .isEqualTo(2);

        ExtractableResponse<Response> again = purchasesCsv(file, 200);
        assertThat(again.<Integer>path("created")).isZero();
        assertThat(again.<Integer>path("existing")).isEqualTo(2);
        assertThat(Db.events(ds, customer, "rapport.customer.purchase-recorded.v1"))
                .isEqualTo(2);
    }

    @Test
    void aPurchaseCsvWhoseOrderRowsAreSplitOrWithAnUnknownColumnIsRefused() {
        String customer = Api.createPerson();
        String order = "CSVS-" + System.nanoTime();
        String file = "customerId,orderId,occurredAt,currency,sku,category,quantity,unitPrice\n"
                + customer + "," + order + "-1,2024-05-01T10:00:00Z,EUR,P-1,bedding,1,1.00\n"
                + customer + "," + order + "-2,2024-05-01T10:00:00Z,EUR,P-1,bedding,1,1.00\n"
                + customer + "," + order + "-1,2024-05-01T10:00:00Z,EUR,P-2,bedding,1,1.00\n";
        ExtractableResponse<Response> r = purchasesCsv(file, 200);
        assertThat(r.<Integer>path("created")).isEqualTo(2);
        assertThat(r.<List<Integer>>path("errors.line")).containsExactly(4);
        assertThat(r.<List<String>>path("errors.field")).containsExactly("orderId");
        assertThat(purchasesCsv(
                                "orderId,occurredAt,currency,sku,category,quantity,unitPrice,colour\nX,2024-05-01T10:00:00Z,EUR,P,c,1,1,red\n",
                                400)
                        .<String>path("errors[0].field"))
                .isEqualTo("header");
    }

    @Test
    void aCsvCustomerCarriesItsBirthDateAndABadOneFailsByColumnWithoutTheValue() {
        String email = Api.uniqueEmail();
        ExtractableResponse<Response> r = csv(
                "kind,givenName,familyName,email,birthDate\n"
                        + "CONSUMER,Ada,Birthcsv," + email + ",1985-12-10\n"
                        + "CONSUMER,Bob,Birthcsv," + Api.uniqueEmail() + ",1985-13-10\n"
                        + "CONSUMER,Cy,Birthcsv," + Api.uniqueEmail() + ",2999-01-01\n",
                200);
        assertThat(r.<Integer>path("created")).isEqualTo(1);
        assertThat(r.<List<Integer>>path("errors.line")).containsExactly(3, 4);
        assertThat(r.<List<String>>path("errors.field")).containsExactly("birthDate", "birthDate");
        assertThat(r.asString()).doesNotContain("1985-13-10").doesNotContain("2999-01-01");
        String id = Api.json()
                .queryParam("email", email)
                .get("/api/v1/customers/lookup")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        Api.json().get("/api/v1/customers/" + id).then().body("birthDate", equalTo("1985-12-10"));
    }

    @Test
    void aCsvWithAnUnknownColumnIsRefusedWhole() {
        csv("kind,givenName,shoeSize\nCONSUMER,Ada,38\n", 400);
        assertThat(csv("kind,givenName,shoeSize\nCONSUMER,Ada,38\n", 400).<String>path("errors[0].field"))
                .isEqualTo("header");
    }
}
