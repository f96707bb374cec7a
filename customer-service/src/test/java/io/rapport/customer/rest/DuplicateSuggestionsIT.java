package io.rapport.customer.rest;

import static io.rapport.customer.rest.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DuplicateSuggestionsIT {
    private static final String QUEUE = "/api/v1/customers/duplicates/suggestions";

    @Inject
    AgroalDataSource ds;

    private static String person(String given, String family, String street, String email, String phone) {
        return """
                {"kind":"CONSUMER","givenName":"%s","familyName":"%s","emails":[{"value":"%s"}],"phones":[{"value":"%s"}],
                 "address":{"line1":"%s","city":"Bristol","postalCode":"BS1 4DJ","country":"GB"}}""".formatted(given, family, email, phone, street);
    }

    private static byte[] ndjson(String json) {
        return (json.replace("\n", "") + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String family() {
        return "Swanwick" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
    }

    @Test
    void aNewCustomerWithANewEmailButTheSameNameAndAddressAppearsInTheReviewQueue() {
        String family = family();
        String street = "7 Harbour Road " + family;
        String first = Api.create(person("Henrietta", family, street, Api.uniqueEmail(), Api.uniquePhone()));
        String second = Api.create(
                person("henrietta", family.toUpperCase(), street.toLowerCase(), Api.uniqueEmail(), Api.uniquePhone()));

        json().queryParam("customerId", second)
                .get(QUEUE)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items", hasSize(1))
                .body("items[0].customerId", equalTo(first))
                .body("items[0].candidateId", equalTo(second))
                .body("items[0].score", equalTo("0.8000"))
                .body("items[0].reasons", contains("SIMILAR_NAME", "SAME_ADDRESS"))
                .body("items[0].status", equalTo("OPEN"));
    }

    @Test
    void aNewCustomerWithANewEmailButTheSameNameAndBirthDateAppearsInTheReviewQueue() {
        String family = family();
        String body = """
                {"kind":"CONSUMER","givenName":"%s","familyName":"%s","emails":[{"value":"%s"}],"birthDate":"1979-04-23"}""";
        String first = Api.create(body.formatted("Cordelia", family, Api.uniqueEmail()));
        String second = Api.create(body.formatted("cordelia", family.toUpperCase(), Api.uniqueEmail()));
        String other =
                Api.create(body.replace("1979-04-23", "1979-04-24").formatted("Cordelia", family, Api.uniqueEmail()));

        json().get("/api/v1/customers/" + second).then().statusCode(200).body("birthDate", equalTo("1979-04-23"));
        json().queryParam("customerId", second)
                .get(QUEUE)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items", hasSize(1))
                .body("items[0].customerId", equalTo(first))
                .body("items[0].candidateId", equalTo(second))
                .body("items[0].score", equalTo("0.7000"))
                .body("items[0].reasons", contains("SIMILAR_NAME", "SAME_BIRTH_DATE"));
        json().queryParam("customerId", other).get(QUEUE).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aBirthDateInTheFutureOrBefore1900OrMalformedIs400WithoutTheValue() {
        for (String date : new String[] {"2999-01-01", "1899-12-31", "1979-02-30"}) {
            String body = """
                    {"kind":"CONSUMER","givenName":"Ada","familyName":"Datecheck","birthDate":"%s"}""".formatted(date);
            String problem = json().body(body)
                    .post("/api/v1/customers")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .extract()
                    .asString();
            assertThat(problem).contains("birthDate").doesNotContain(date);
        }
    }

    @Test
    void aDismissedPairIsNeverSuggestedAgainAlsoAfterAChangeOrAReImport() {
        String family = family();
        String street = "9 Mill Lane " + family;
        String email = Api.uniqueEmail();
        String first = Api.create(person("Theodora", family, street, Api.uniqueEmail(), Api.uniquePhone()));
        String secondBody = person("Theodora", family, street, email, Api.uniquePhone());
        String second = Api.create(secondBody);
        String suggestion = json().queryParam("customerId", first)
                .get(QUEUE)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .extract()
                .path("items[0].id");

        json().post(QUEUE + "/" + suggestion + "/dismiss")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISMISSED"));
        json().queryParam("customerId", first).get(QUEUE).then().body("total", equalTo(0));

        json().body(secondBody).put("/api/v1/customers/" + second).then().statusCode(200);
        given().contentType("application/x-ndjson")
                .body(ndjson(secondBody))
                .post("/api/v1/customers/import")
                .then()
                .statusCode(200)
                .body("existing", equalTo(1));
        json().queryParam("customerId", first).get(QUEUE).then().body("total", equalTo(0));
        assertThat(Db.count(
                        ds,
                        "select count(*) from duplicate_suggestion where ? in (customer_a, customer_b)",
                        UUID.fromString(second)))
                .isEqualTo(1);
        json().post(QUEUE + "/" + suggestion + "/dismiss")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISMISSED"));
        json().post(QUEUE + "/" + suggestion + "/accept").then().statusCode(409);
    }

    @Test
    void acceptingASuggestionMergesTheNewerRecordIntoTheOlder() {
        String family = family();
        String street = "3 Quay Street " + family;
        String first = Api.create(person("Ottoline", family, street, Api.uniqueEmail(), Api.uniquePhone()));
        String second = Api.create(person("Ottoline", family, street, Api.uniqueEmail(), Api.uniquePhone()));
        String suggestion = json().queryParam("customerId", first)
                .get(QUEUE)
                .then()
                .extract()
                .path("items[0].id");

        json().body("{\"survivorId\":\"" + UUID.randomUUID() + "\"}")
                .post(QUEUE + "/" + suggestion + "/accept")
                .then()
                .statusCode(422);
        json().body("{\"reason\":\"same person, new e-mail\"}")
                .post(QUEUE + "/" + suggestion + "/accept")
                .then()
                .statusCode(200)
                .body("id", equalTo(first))
                .body("emails", hasSize(2));
        json().get("/api/v1/customers/" + second)
                .then()
                .body("status", equalTo("MERGED"))
                .body("mergedInto", equalTo(first));
        json().queryParam("customerId", first).get(QUEUE).then().body("total", equalTo(0));
        json().post(QUEUE + "/" + suggestion + "/dismiss")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        json().post(QUEUE + "/" + UUID.randomUUID() + "/dismiss").then().statusCode(404);
    }

    @Test
    void anImportedCustomerWithTheSameNameAndAddressAsAnExistingOneIsSuggested() {
        String family = family();
        String street = "21 Dock Road " + family;
        String first = Api.create(person("Wilhelmina", family, street, Api.uniqueEmail(), Api.uniquePhone()));
        byte[] row = ndjson(person("Wilhelmina", family, street, Api.uniqueEmail(), Api.uniquePhone()));
        given().contentType("application/x-ndjson")
                .body(row)
                .post("/api/v1/customers/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(1));
        json().queryParam("customerId", first)
                .get(QUEUE)
                .then()
                .body("total", equalTo(1))
                .body("items[0].reasons", contains("SIMILAR_NAME", "SAME_ADDRESS"));
    }
}
