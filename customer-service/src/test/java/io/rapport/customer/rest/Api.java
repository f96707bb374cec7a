package io.rapport.customer.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Small REST helpers shared by the HTTP tests. */
final class Api {
    private Api() {}

    static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static String uniqueEmail() {
        return "p-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
    }

    static String uniquePhone() {
        long n = (long) (Math.random() * 9_000_000_000L) + 1_000_000_000L;
        return "+49" + n;
    }

    static String person(String email, String phone) {
        return """
                {"kind":"CONSUMER","givenName":"Ada","familyName":"Lovelace",
                 "emails":[{"value":"%s"}],"phones":[{"value":"%s"}],
                 "address":{"line1":"12 St James's Square","city":"London","postalCode":"SW1Y 4JH","country":"GB"},
                 "locale":"en-GB","timeZone":"Europe/London","ownerId":"rep-17","tags":["vip","newsletter"],
                 "acquisitionSource":"web","referralCode":"FRIEND-42",
                 "wallet":{"amount":"2500.00","currency":"GBP"},"channelPreference":["EMAIL","SMS"]}""".formatted(email, phone);
    }

    static String create(String body) {
        return json().body(body)
                .post("/api/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String createPerson() {
        return create(person(uniqueEmail(), uniquePhone()));
    }

    static String purchase(String orderId, int quantity, String unitPrice) {
        return """
                {"sourceSystem":"shop","orderId":"%s","occurredAt":"2026-01-10T10:00:00Z","currency":"EUR","channel":"web",
                 "store":"online","lines":[{"sku":"PILLOW-L","category":"bedding","quantity":%d,"unitPrice":"%s","unitCost":"5.00"},
                 {"sku":"SHEET-1","category":"bedding","quantity":1,"unitPrice":"20.00","unitCost":"8.00"}]}""".formatted(orderId, quantity, unitPrice);
    }
}
