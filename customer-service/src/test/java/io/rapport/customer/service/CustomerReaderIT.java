package io.rapport.customer.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.customer.domain.ContactKind;
import io.rapport.customer.domain.Customer;
import io.rapport.customer.model.CustomerView;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one-statement read path gives exactly the view the entity-based assembly gives. */
@QuarkusTest
class CustomerReaderIT {
    @Inject
    CustomerReader reader;

    @Inject
    CustomerProfiles profiles;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    private static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static String create(String body) {
        return json().body(body)
                .post("/api/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private CustomerView entityView(String id) {
        return QuarkusTransaction.requiringNew().call(() -> profiles.view(Customer.findById(UUID.fromString(id))));
    }

    @Test
    void aFullProfileReadsTheSameAsTheEntityView() {
        String n = UUID.randomUUID().toString().substring(0, 8);
        String id = create("""
                {"kind":"ENTERPRISE","givenName":"Grace","familyName":"Hopper",
                 "organisation":{"companyName":"Acme %1$s","industry":"retail","size":"50-249"},
                 "emails":[{"value":"b-%1$s@example.org","label":"work"},{"value":"A-%1$s@Example.org","primary":true}],
                 "phones":[{"value":"+4930%2$s"},{"value":"+4940%2$s","label":"mobile","primary":true}],
                 "address":{"line1":"Main St 1","line2":"Floor 3","city":"Berlin","postalCode":"10115","region":"BE","country":"DE"},
                 "locale":"de-DE","timeZone":"Europe/Berlin","ownerId":"rep-1","tags":["zeta","alpha","Mid"],
                 "acquisitionSource":"fair","referralCode":"REF-1","target":true,
                 "wallet":{"amount":"1234.5","currency":"EUR","estimatedAt":"2026-02-03T04:05:06.789Z","estimatedBy":"analyst"},
                 "externalIds":[{"system":"shop","id":"S-%1$s"},{"system":"erp","id":"E-%1$s"}],
                 "channelPreference":["SMS","EMAIL"]}""".formatted(n, Math.abs(n.hashCode() % 10_000_000)));
        json().body("{\"granted\":true,\"source\":\"form\",\"occurredAt\":\"2026-01-02T03:04:05.123456Z\"}")
                .put("/api/v1/customers/" + id + "/consents/SMS")
                .then()
                .statusCode(200);
        json().body("{\"granted\":false,\"source\":\"call\"}")
                .put("/api/v1/customers/" + id + "/consents/EMAIL")
                .then()
                .statusCode(200);
        json().body("{\"value\":\"long\"}")
                .put("/api/v1/customers/" + id + "/preferences/room/pillow")
                .then()
                .statusCode(200);
        json().body("{\"value\":\"still\"}")
                .put("/api/v1/customers/" + id + "/preferences/drinks/water")
                .then()
                .statusCode(200);

        CustomerView read = reader.byId(UUID.fromString(id)).orElseThrow();

        // the entity's tag set comes back in hash order; the reader gives them sorted
        assertThat(read)
                .usingRecursiveComparison()
                .ignoringCollectionOrderInFields("tags")
                .isEqualTo(entityView(id));
        assertThat(read.emails()).hasSize(2);
        assertThat(read.phones()).hasSize(2);
        assertThat(read.consents()).hasSize(2);
        assertThat(read.preferences()).hasSize(2);
        assertThat(read.externalIds()).hasSize(2);
        assertThat(read.tags()).containsExactly("Mid", "alpha", "zeta");
        assertThat(reader.byContact(ContactKind.EMAIL, "a-" + n + "@example.org"))
                .contains(read);
        assertThat(reader.byExternalId("erp", "E-" + n)).contains(read);
    }

    /** The entry's answer is built from what was decided, not read back: it must equal a read of the stored record. */
    @Test
    void anEntryAnswersExactlyWhatAReadOfItReturns() throws Exception {
        String n = UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"kind":"ENTERPRISE","givenName":" Grace ","familyName":"Hopper",
                 "organisation":{"companyName":" Acme %1$s ","industry":"retail","size":"50-249"},
                 "emails":[{"value":"zb-%1$s@example.org","label":"work"},{"value":" ZA-%1$s@Example.org","primary":true},
                           {"value":"c-%1$s@example.org"}],
                 "phones":[{"value":"+4930%2$s"},{"value":"+4940%2$s","label":"mobile"}],
                 "address":{"line1":"Main St 1","line2":"  ","city":"Berlin","postalCode":"10115","region":"BE","country":"DE"},
                 "birthDate":"1970-01-02","locale":"de-DE","timeZone":"Europe/Berlin","tags":["zeta"," alpha","Mid","zeta"],
                 "acquisitionSource":"fair","referralCode":"REF-1","target":true,
                 "wallet":{"amount":"1234.5","currency":"EUR"},
                 "externalIds":[{"system":"shop","id":"S-%1$s"},{"system":"erp","id":" E-%1$s"},{"system":"erp","id":"D-%1$s"}],
                 "channelPreference":["SMS","EMAIL","SMS"]}""".formatted(n, Math.abs(n.hashCode() % 10_000_000));
        String answer = json().header("Idempotency-Key", "entry-" + n)
                .body(body)
                .post("/api/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        com.fasterxml.jackson.databind.JsonNode created = mapper.readTree(answer);
        String id = created.get("id").asText();

        String read = json().get("/api/v1/customers/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String replay = json().header("Idempotency-Key", "entry-" + n)
                .body(body)
                .post("/api/v1/customers")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(mapper.readTree(read)).isEqualTo(created);
        assertThat(mapper.readTree(replay)).isEqualTo(created);
        assertThat(created.get("wallet").get("estimatedAt").isNull()).isFalse();
        assertThat(created.get("lastActivityAt").asText())
                .isEqualTo(created.get("createdAt").asText());
    }

    @Test
    void aBareRecordAndAMergedRecordReadTheSameAsTheEntityView() {
        String bare = create("{\"kind\":\"CONSUMER\",\"givenName\":\"Bare\"}");
        String survivor = create("{\"kind\":\"CONSUMER\",\"givenName\":\"Survivor\"}");
        json().body("{\"mergedId\":\"" + bare + "\",\"reason\":\"duplicate\"}")
                .post("/api/v1/customers/" + survivor + "/merge")
                .then()
                .statusCode(200);

        CustomerView merged = reader.byId(UUID.fromString(bare)).orElseThrow();

        assertThat(merged).usingRecursiveComparison().isEqualTo(entityView(bare));
        assertThat(merged.merge().survivorId()).isEqualTo(UUID.fromString(survivor));
        assertThat(reader.byId(UUID.fromString(survivor)).orElseThrow())
                .usingRecursiveComparison()
                .isEqualTo(entityView(survivor));
    }

    @Test
    void nobodyOwningAValueReadsAsEmpty() {
        assertThat(reader.byId(UUID.randomUUID())).isEmpty();
        assertThat(reader.byContact(ContactKind.PHONE, "+4915000000000000")).isEmpty();
        assertThat(reader.byExternalId("none", UUID.randomUUID().toString())).isEmpty();
    }
}
