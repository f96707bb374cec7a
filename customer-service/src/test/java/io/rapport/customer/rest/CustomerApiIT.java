package io.rapport.customer.rest;

import static io.rapport.customer.rest.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerApiIT {

    @Test
    void createdCustomerIsReadBackNormalisedWithAnETag() {
        String email = Api.uniqueEmail();
        String id = Api.create(
                Api.person("  " + email.toUpperCase() + " ", "+44 (20) 7946-" + (1000 + (int) (Math.random() * 8999))));
        json().get("/api/v1/customers/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("kind", equalTo("CONSUMER"))
                .body("status", equalTo("ACTIVE"))
                .body("displayName", equalTo("Ada Lovelace"))
                .body("emails[0].value", equalTo(email))
                .body("emails[0].primary", is(true))
                .body("phones[0].value", org.hamcrest.Matchers.startsWith("+44207946"))
                .body("timeZone", equalTo("Europe/London"))
                .body("tags", contains("newsletter", "vip"))
                .body("wallet.amount", equalTo("2500.00"))
                .body("wallet.estimatedBy", equalTo("system"))
                .body("channelPreference", contains("EMAIL", "SMS"))
                .body("createdAt", notNullValue());
    }

    @Test
    void organisationKindsNeedACompanyName() {
        json().body("{\"kind\":\"ENTERPRISE\",\"givenName\":\"Bob\"}")
                .post("/api/v1/customers")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("organisation.companyName"));
        String id = Api.create("""
                {"kind":"ENTERPRISE","organisation":{"companyName":"Acme Ltd","industry":"retail","size":"50-249"},
                 "emails":[{"value":"%s"}]}""".formatted(Api.uniqueEmail()));
        json().get("/api/v1/customers/" + id)
                .then()
                .body("displayName", equalTo("Acme Ltd"))
                .body("organisation.industry", equalTo("retail"));
    }

    @Test
    void duplicateEmailInAnotherLetterCaseAnswers409NamingTheExistingCustomer() {
        String email = Api.uniqueEmail();
        String existing = Api.create(Api.person(email, Api.uniquePhone()));
        json().body(Api.person(email.toUpperCase(), Api.uniquePhone()))
                .post("/api/v1/customers")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("context.existingCustomerId", equalTo(existing))
                .body("context.field", equalTo("emails[0].value"));
    }

    @Test
    void duplicatePhoneAndExternalIdAnswer409() {
        String phone = Api.uniquePhone();
        String existing = Api.create(Api.person(Api.uniqueEmail(), phone));
        String spaced = phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7);
        json().body(Api.person(Api.uniqueEmail(), spaced))
                .post("/api/v1/customers")
                .then()
                .statusCode(409)
                .body("context.existingCustomerId", equalTo(existing));
        String ext = "X-" + System.nanoTime();
        String withExt =
                Api.create("{\"kind\":\"CONSUMER\",\"givenName\":\"E\",\"externalIds\":[{\"system\":\"erp\",\"id\":\""
                        + ext + "\"}]}");
        json().body("{\"kind\":\"CONSUMER\",\"givenName\":\"F\",\"externalIds\":[{\"system\":\"erp\",\"id\":\"" + ext
                        + "\"}]}")
                .post("/api/v1/customers")
                .then()
                .statusCode(409)
                .body("context.existingCustomerId", equalTo(withExt));
    }

    /**
     * An update is refused another customer's e-mail, phone or external id by the same rule as an entry
     * (service/IdentityService asks registration/RegistrationDecision): 409 naming the field and the owner; the
     * customer's own identities are no conflict.
     */
    @Test
    void anUpdateIsRefusedAnotherCustomersIdentityLikeAnEntryAndKeepsItsOwn() {
        String phone = Api.uniquePhone();
        String ext = "U-" + System.nanoTime();
        String other = Api.create(withExternalId(Api.person(Api.uniqueEmail(), phone), ext));
        String email = Api.uniqueEmail();
        String ownPhone = Api.uniquePhone();
        String id = Api.create(Api.person(email, ownPhone));
        String spaced = phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7);
        json().body(Api.person(email, spaced))
                .put("/api/v1/customers/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("duplicate-customer"))
                .body("context.existingCustomerId", equalTo(other))
                .body("context.field", equalTo("phones[0].value"))
                // the answer names the field, never the value: no personal data echoed in a problem
                .body(not(containsString(phone.substring(phone.length() - 7))));
        json().body(withExternalId(Api.person(email, ownPhone), ext))
                .put("/api/v1/customers/" + id)
                .then()
                .statusCode(409)
                .body("context.existingCustomerId", equalTo(other))
                .body("context.field", equalTo("externalIds[0]"))
                .body(not(containsString(ext)));
        json().body(Api.person(email.toUpperCase(), ownPhone).replace("\"Ada\"", "\"Augusta\""))
                .put("/api/v1/customers/" + id)
                .then()
                .statusCode(200)
                .body("givenName", equalTo("Augusta"));
    }

    private static String withExternalId(String person, String id) {
        return person.replace(
                "\"channelPreference\"",
                "\"externalIds\":[{\"system\":\"erp\",\"id\":\"" + id + "\"}],\"channelPreference\"");
    }

    @Test
    void updateNeedsTheCurrentVersionAndPublishesTheNewOne() {
        String email = Api.uniqueEmail();
        String id = Api.create(Api.person(email, Api.uniquePhone()));
        String body = Api.person(email, Api.uniquePhone()).replace("\"Ada\"", "\"Augusta\"");
        json().header("If-Match", "\"7\"")
                .body(body)
                .put("/api/v1/customers/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        json().header("If-Match", "\"0\"")
                .body(body)
                .put("/api/v1/customers/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("givenName", equalTo("Augusta"));
        json().header("If-Match", "\"0\"")
                .body(body)
                .put("/api/v1/customers/" + id)
                .then()
                .statusCode(412);
    }

    @Test
    void aRejectedUpdateChangesNothing() {
        String taken = Api.uniqueEmail();
        Api.create(Api.person(taken, Api.uniquePhone()));
        String email = Api.uniqueEmail();
        String id = Api.create(Api.person(email, Api.uniquePhone()));
        String before = json().get("/api/v1/customers/" + id).asString();
        String clash = Api.person(taken, Api.uniquePhone()).replace("\"Ada\"", "\"Changed\"");
        json().body(clash).put("/api/v1/customers/" + id).then().statusCode(409);
        String badZone = Api.person(email, Api.uniquePhone()).replace("Europe/London", "Mars/Olympus");
        json().body(badZone)
                .put("/api/v1/customers/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("timeZone"));
        assertThat(json().get("/api/v1/customers/" + id).asString()).isEqualTo(before);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        problem(Api.person("not-an-email", Api.uniquePhone()), 400, "emails[0].value");
        problem(Api.person(Api.uniqueEmail(), "0207 946 0958"), 400, "phones[0].value");
        problem(Api.person(Api.uniqueEmail(), "+44 20 CALL ME"), 400, "phones[0].value");
        problem(
                Api.person(Api.uniqueEmail(), Api.uniquePhone()).replace("\"en-GB\"", "\"not a locale!\""),
                400,
                "locale");
        problem(Api.person(Api.uniqueEmail(), Api.uniquePhone()).replace("\"GBP\"", "\"XYZ\""), 400, "wallet.currency");
        problem(
                Api.person(Api.uniqueEmail(), Api.uniquePhone()).replace("\"2500.00\"", "\"-5\""),
                400,
                "wallet.amount");
        problem(
                Api.person(Api.uniqueEmail(), Api.uniquePhone()).replace("\"2500.00\"", "\"1e20\""),
                400,
                "wallet.amount");
        problem(Api.person(Api.uniqueEmail(), Api.uniquePhone()).replace("\"CONSUMER\"", "\"ALIEN\""), 400, "kind");
        problem(
                Api.person(Api.uniqueEmail(), Api.uniquePhone()).replace("\"kind\"", "\"shoeSize\":44,\"kind\""),
                400,
                "shoeSize");
        problem("{\"givenName\":\"x\"}", 400, "kind");

        io.restassured.RestAssured.given()
                .contentType(ContentType.TEXT)
                .body("hello")
                .post("/api/v1/customers")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        String huge = "{\"kind\":\"CONSUMER\",\"givenName\":\"" + "x".repeat(1_100_000) + "\"}";
        json().body(huge).post("/api/v1/customers").then().statusCode(413).contentType("application/problem+json");
        json().get("/api/v1/customers/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static void problem(String body, int status, String field) {
        json().body(body)
                .post("/api/v1/customers")
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void idempotencyKeyReplaysTheFirstResult() {
        String key = "k-" + System.nanoTime();
        String body = Api.person(Api.uniqueEmail(), Api.uniquePhone());
        String first = json().header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        json().header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/customers")
                .then()
                .statusCode(200)
                .body("id", equalTo(first));
    }

    @Test
    void lookupFindsByNormalisedEmailPhoneAndExternalId() {
        String email = Api.uniqueEmail();
        String phone = Api.uniquePhone();
        String ext = "L-" + System.nanoTime();
        String id = Api.create(Api.person(email, phone)
                .replace(
                        "\"channelPreference\"",
                        "\"externalIds\":[{\"system\":\"shop\",\"id\":\"" + ext + "\"}],\"channelPreference\""));
        json().queryParam("email", " " + email.toUpperCase())
                .get("/api/v1/customers/lookup")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        json().queryParam("phone", "00" + phone.substring(1))
                .get("/api/v1/customers/lookup")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        json().queryParam("externalSystem", "shop")
                .queryParam("externalId", ext)
                .get("/api/v1/customers/lookup")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        String unknown = Api.uniqueEmail();
        String unknownPhone = Api.uniquePhone();
        json().queryParam("email", unknown)
                .get("/api/v1/customers/lookup")
                .then()
                .statusCode(404)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(unknown)));
        json().queryParam("phone", unknownPhone)
                .get("/api/v1/customers/lookup")
                .then()
                .statusCode(404)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(unknownPhone.substring(1))));
        json().queryParam("email", "nope")
                .get("/api/v1/customers/lookup")
                .then()
                .statusCode(400);
    }

    @Test
    void searchFiltersPagesAndSorts() {
        String owner = "owner-" + System.nanoTime();
        String tag = "t" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            Api.create(Api.person(Api.uniqueEmail(), Api.uniquePhone())
                    .replace("rep-17", owner)
                    .replace("\"vip\"", "\"" + tag + "\"")
                    .replace("\"Ada\"", "\"Name" + i + "\""));
        }
        ExtractableResponse<Response> page = json().queryParam("owner", owner)
                .queryParam("size", 2)
                .queryParam("sort", "displayName,desc")
                .get("/api/v1/customers")
                .then()
                .statusCode(200)
                .extract();
        assertThat(page.<Integer>path("total")).isEqualTo(3);
        assertThat(page.<java.util.List<String>>path("items.displayName"))
                .containsExactly("Name2 Lovelace", "Name1 Lovelace");
        json().queryParam("tag", tag)
                .queryParam("name", "name1")
                .get("/api/v1/customers")
                .then()
                .body("total", equalTo(1));
        json().queryParam("owner", owner)
                .queryParam("kind", "ENTERPRISE")
                .get("/api/v1/customers")
                .then()
                .body("total", equalTo(0));
        json().queryParam("owner", owner)
                .queryParam("createdFrom", "2000-01-01T00:00:00Z")
                .get("/api/v1/customers")
                .then()
                .body("total", equalTo(3));
        json().queryParam("sort", "shoeSize").get("/api/v1/customers").then().statusCode(400);
        json().queryParam("kind", "ALIEN")
                .get("/api/v1/customers")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("kind"));
    }
}
