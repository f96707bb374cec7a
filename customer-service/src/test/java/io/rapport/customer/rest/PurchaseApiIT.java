package io.rapport.customer.rest;

import static io.rapport.customer.rest.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PurchaseApiIT {
    @Inject
    AgroalDataSource ds;

    @Test
    void recordedPurchaseHasTotalsAndIsListed() {
        String id = Api.createPerson();
        String order = "SO-" + System.nanoTime();
        json().body(Api.purchase(order, 2, "39.90"))
                .post("/api/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(201)
                .body("total", equalTo("99.80"))
                .body("costOfGoods", equalTo("18.00"))
                .body("lines[0].lineTotal", equalTo("79.80"));
        json().get("/api/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].orderId", equalTo(order));
        assertThat(Db.events(ds, id, "rapport.customer.purchase-recorded.v1")).isEqualTo(1);
    }

    @Test
    void customersWithoutTagsOrContactsCanBuyChangeAndBeErased() {
        String id = Api.create("{\"kind\":\"CONSUMER\",\"givenName\":\"Plain\"}");
        json().body(Api.purchase("SO-" + System.nanoTime(), 1, "5.00"))
                .post("/api/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(201);
        json().body("{\"kind\":\"CONSUMER\",\"givenName\":\"Plainer\"}")
                .put("/api/v1/customers/" + id)
                .then()
                .statusCode(200);
        json().post("/api/v1/customers/" + id + "/erasure").then().statusCode(204);
    }

    @Test
    void repostingAnOrderIdReturnsTheFirstPurchaseAndPublishesNothing() {
        String id = Api.createPerson();
        String order = "SO-" + System.nanoTime();
        String first = json().body(Api.purchase(order, 2, "39.90"))
                .post("/api/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        long events = Db.count(ds, "select count(*) from rapport_outbox where subject = ?", id);
        json().body(Api.purchase(order, 5, "1.00"))
                .post("/api/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(200)
                .body("id", equalTo(first))
                .body("total", equalTo("99.80"));
        assertThat(Db.count(ds, "select count(*) from rapport_outbox where subject = ?", id))
                .isEqualTo(events);
        assertThat(Db.count(ds, "select count(*) from purchase where order_id = ?", order))
                .isEqualTo(1);
        String other = Api.createPerson();
        json().body(Api.purchase(order, 2, "39.90"))
                .post("/api/v1/customers/" + other + "/purchases")
                .then()
                .statusCode(409);
    }

    @Test
    void refundAboveTheBoughtQuantityAnswers422AndChangesNothing() {
        String id = Api.createPerson();
        String purchase = json().body(Api.purchase("SO-" + System.nanoTime(), 2, "39.90"))
                .post("/api/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String line = json().get("/api/v1/customers/" + id + "/purchases/" + purchase)
                .then()
                .extract()
                .path("lines[0].lineId");
        json().body("{\"lines\":[{\"lineId\":\"" + line + "\",\"quantity\":3}]}")
                .post("/api/v1/customers/" + id + "/purchases/" + purchase + "/refunds")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("lines[0].quantity"));
        json().body("{\"lines\":[{\"lineId\":\"" + line + "\",\"quantity\":1}]}")
                .post("/api/v1/customers/" + id + "/purchases/" + purchase + "/refunds")
                .then()
                .statusCode(201)
                .body("amount", equalTo("39.90"))
                .body("costOfGoods", equalTo("5.00"));
        json().body("{\"lines\":[{\"lineId\":\"" + line + "\",\"quantity\":2}]}")
                .post("/api/v1/customers/" + id + "/purchases/" + purchase + "/refunds")
                .then()
                .statusCode(422);
        json().get("/api/v1/customers/" + id + "/purchases/" + purchase)
                .then()
                .body("lines[0].refundedQuantity", equalTo(1))
                .body("refundedAmount", equalTo("39.90"));
        assertThat(Db.events(ds, id, "rapport.customer.purchase-refunded.v1")).isEqualTo(1);
    }

    @Test
    void partialAmountsAndWholeOrderRefundsNeverExceedWhatWasPaid() {
        String id = Api.createPerson();
        String purchase = json().body(Api.purchase("SO-" + System.nanoTime(), 2, "39.90"))
                .post("/api/v1/customers/" + id + "/purchases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<String> lines = json().get("/api/v1/customers/" + id + "/purchases/" + purchase)
                .then()
                .extract()
                .path("lines.lineId");
        String refunds = "/api/v1/customers/" + id + "/purchases/" + purchase + "/refunds";
        json().body("{\"lines\":[{\"lineId\":\"" + lines.get(1) + "\",\"quantity\":0,\"amount\":\"5.00\"}]}")
                .post(refunds)
                .then()
                .statusCode(201)
                .body("amount", equalTo("5.00"))
                .body("costOfGoods", equalTo("0.00"));
        json().body("{\"lines\":[{\"lineId\":\"" + lines.get(1) + "\",\"quantity\":1,\"amount\":\"16.00\"}]}")
                .post(refunds)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("lines[0].amount"));
        json().body("{\"wholeOrder\":true,\"reason\":\"changed mind\"}")
                .post(refunds)
                .then()
                .statusCode(201)
                .body("amount", equalTo("94.80"))
                .body("wholeOrder", equalTo(true));
        json().body("{\"wholeOrder\":true}").post(refunds).then().statusCode(422);
        json().body("{\"lines\":[{\"lineId\":\"" + java.util.UUID.randomUUID() + "\",\"quantity\":1}]}")
                .post(refunds)
                .then()
                .statusCode(422);
    }

    @Test
    void purchaseInputIsChecked() {
        String id = Api.createPerson();
        String url = "/api/v1/customers/" + id + "/purchases";
        json().body(Api.purchase("A", 2, "39.90").replace("EUR", "EURO"))
                .post(url)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("currency"));
        json().body(Api.purchase("A", 2, "39.90").replace("EUR", "QQQ"))
                .post(url)
                .then()
                .statusCode(400);
        json().body(Api.purchase("A", 0, "39.90"))
                .post(url)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("lines[0].quantity"));
        json().body(Api.purchase("A", 2, "-1"))
                .post(url)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("lines[0].unitPrice"));
        json().body(Api.purchase("A", 2, "99999999999")).post(url).then().statusCode(400);
        json().body(Api.purchase("A", 2, "39.90").replace("2026-01-10", "2099-01-10"))
                .post(url)
                .then()
                .statusCode(422);
        json().body(Api.purchase("A", 2, "39.90"))
                .post("/api/v1/customers/" + java.util.UUID.randomUUID() + "/purchases")
                .then()
                .statusCode(404);
        assertThat(Db.count(ds, "select count(*) from purchase where customer_id = ?", java.util.UUID.fromString(id)))
                .isZero();
    }

    @Test
    void costToServeIsRecordedAndListed() {
        String id = Api.createPerson();
        json().body("{\"type\":\"SERVICE_CALL\",\"amount\":\"18.50\",\"currency\":\"EUR\",\"note\":\"setup\"}")
                .post("/api/v1/customers/" + id + "/costs")
                .then()
                .statusCode(201)
                .body("amount", equalTo("18.50"));
        json().body("{\"type\":\"BRIBE\",\"amount\":\"1\",\"currency\":\"EUR\"}")
                .post("/api/v1/customers/" + id + "/costs")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("type"));
        json().body("{\"type\":\"OTHER\",\"amount\":\"-1\",\"currency\":\"EUR\"}")
                .post("/api/v1/customers/" + id + "/costs")
                .then()
                .statusCode(400);
        json().get("/api/v1/customers/" + id + "/costs")
                .then()
                .body("total", equalTo(1))
                .body("items[0].type", equalTo("SERVICE_CALL"));
    }
}
