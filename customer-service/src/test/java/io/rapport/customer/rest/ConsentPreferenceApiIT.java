package io.rapport.customer.rest;

import static io.rapport.customer.rest.Api.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsentPreferenceApiIT {

    @Test
    void consentDecisionsKeepHistoryAndTheMostRecentWins() {
        String id = Api.createPerson();
        String url = "/api/v1/customers/" + id + "/consents/";
        json().body("{\"granted\":true,\"source\":\"signup-form\",\"occurredAt\":\"2026-02-01T10:00:00Z\"}")
                .put(url + "EMAIL")
                .then()
                .statusCode(200);
        json().body("{\"granted\":false,\"source\":\"old-letter\",\"occurredAt\":\"2025-01-01T10:00:00Z\"}")
                .put(url + "EMAIL")
                .then()
                .statusCode(200);
        json().header("X-Rapport-Principal", "agent-5")
                .body("{\"granted\":true,\"source\":\"call\"}")
                .put(url + "SMS")
                .then()
                .statusCode(200);
        json().get("/api/v1/customers/" + id + "/consents")
                .then()
                .statusCode(200)
                .body("consents.find { it.channel == 'EMAIL' }.granted", equalTo(true))
                .body("consents.find { it.channel == 'EMAIL' }.source", equalTo("signup-form"))
                .body("history", hasSize(3))
                .body("history[2].recordedBy", equalTo("agent-5"))
                .body("channelPreference[0]", equalTo("EMAIL"));
        json().get("/api/v1/customers/" + id).then().body("consents", hasSize(2));
        json().body("{\"granted\":true,\"source\":\"x\"}")
                .put(url + "FAX")
                .then()
                .statusCode(400)
                .body("type", org.hamcrest.Matchers.endsWith("/invalid-path-parameter"));
        json().body("{\"source\":\"x\"}")
                .put(url + "POST")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("granted"));
    }

    @Test
    void doNotContactIsRecorded() {
        String id = Api.createPerson();
        json().body("{\"doNotContact\":true,\"source\":\"complaint call\"}")
                .put("/api/v1/customers/" + id + "/do-not-contact")
                .then()
                .statusCode(200)
                .body("doNotContact", equalTo(true))
                .body("history[0].channel", nullValue())
                .body("history[0].granted", equalTo(false));
        json().get("/api/v1/customers/" + id).then().body("doNotContact", equalTo(true));
    }

    @Test
    void everyPreferenceChangeRecordsTouchpointActorAndTimeWithHistory() {
        String id = Api.createPerson();
        String url = "/api/v1/customers/" + id + "/preferences/";
        json().header("X-Rapport-Principal", "front-desk-berlin")
                .body("{\"value\":\"short\",\"touchpoint\":\"STORE\"}")
                .put(url + "room/pillow")
                .then()
                .statusCode(200)
                .body("touchpoint", equalTo("STORE"))
                .body("updatedBy", equalTo("front-desk-berlin"))
                .body("updatedAt", org.hamcrest.Matchers.notNullValue());
        json().header("X-Rapport-Principal", "agent-5")
                .body("{\"value\":\"long\",\"touchpoint\":\"CALL_CENTER\"}")
                .put(url + "room/pillow")
                .then()
                .statusCode(200);
        json().header("X-Rapport-Principal", "web-shop")
                .body("{\"value\":\"still\"}")
                .put(url + "drinks/water")
                .then()
                .statusCode(200)
                .body("touchpoint", equalTo("API"));
        json().header("X-Rapport-Principal", "agent-6")
                .queryParam("touchpoint", "APP")
                .delete(url + "drinks/water")
                .then()
                .statusCode(204);
        json().get("/api/v1/customers/" + id)
                .then()
                .statusCode(200)
                .body("preferences", hasSize(1))
                .body("preferences[0].value", equalTo("long"))
                .body("preferences[0].touchpoint", equalTo("CALL_CENTER"))
                .body("preferences[0].updatedBy", equalTo("agent-5"));
        json().get("/api/v1/customers/" + id + "/preferences").then().body("[0].touchpoint", equalTo("CALL_CENTER"));

        json().queryParam("size", 2)
                .get(url + "history")
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("size", equalTo(2))
                .body("items", hasSize(2))
                .body("items[0].change", equalTo("REMOVED"))
                .body("items[0].key", equalTo("water"))
                .body("items[0].oldValue", equalTo("still"))
                .body("items[0].newValue", nullValue())
                .body("items[0].touchpoint", equalTo("APP"))
                .body("items[0].actor", equalTo("agent-6"))
                .body("items[1].change", equalTo("SET"))
                .body("items[1].touchpoint", equalTo("API"));
        json().queryParam("page", 1)
                .queryParam("size", 2)
                .get(url + "history")
                .then()
                .statusCode(200)
                .body("items.change", org.hamcrest.Matchers.contains("SET", "SET"))
                .body("items[0].oldValue", equalTo("short"))
                .body("items[0].newValue", equalTo("long"))
                .body("items[0].actor", equalTo("agent-5"))
                .body("items[0].touchpoint", equalTo("CALL_CENTER"))
                .body("items[1].oldValue", nullValue())
                .body("items[1].newValue", equalTo("short"))
                .body("items[1].changedAt", org.hamcrest.Matchers.notNullValue());

        json().body("{\"value\":\"x\",\"touchpoint\":\"PIGEON\"}")
                .put(url + "room/pillow")
                .then()
                .statusCode(400);
        json().queryParam("touchpoint", "PIGEON")
                .delete(url + "room/pillow")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("touchpoint"));
        json().get("/api/v1/customers/" + java.util.UUID.randomUUID() + "/preferences/history")
                .then()
                .statusCode(404);
    }

    @Test
    void preferencesAreRememberedReturnedWithTheCustomerAndSearchable() {
        String id = Api.createPerson();
        String value = "long-" + System.nanoTime();
        json().header("X-Rapport-Principal", "front-desk-berlin")
                .body("{\"value\":\"" + value + "\"}")
                .put("/api/v1/customers/" + id + "/preferences/room/pillow")
                .then()
                .statusCode(200)
                .body("setBy", equalTo("front-desk-berlin"));
        json().body("{\"value\":\"still\"}")
                .put("/api/v1/customers/" + id + "/preferences/drinks/water")
                .then()
                .statusCode(200);
        json().get("/api/v1/customers/" + id)
                .then()
                .statusCode(200)
                .body("preferences", hasSize(2))
                .body("preferences.find { it.key == 'pillow' }.value", equalTo(value))
                .body("preferences.find { it.key == 'pillow' }.category", equalTo("room"));
        json().queryParam("category", "room")
                .queryParam("key", "pillow")
                .queryParam("value", value)
                .get("/api/v1/customers/preferences")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].customerId", equalTo(id));
        json().delete("/api/v1/customers/" + id + "/preferences/drinks/water")
                .then()
                .statusCode(204);
        json().get("/api/v1/customers/" + id + "/preferences").then().body("", hasSize(1));
        json().body("{\"value\":\"x\"}")
                .put("/api/v1/customers/" + id + "/preferences/Room Type/x")
                .then()
                .statusCode(400);
    }
}
