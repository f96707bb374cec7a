package io.rapport.customer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bulk imports racing on the same records: the loser's rows come back EXISTING, never a 500, nothing half-written. */
@QuarkusTest
class ImportRaceIT {
    private static final int ROWS = 2500;
    private static final String CUSTOMERS = "/api/v1/customers/import";
    private static final String PURCHASES = "/api/v1/customers/import/purchases";

    @Inject
    AgroalDataSource ds;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static JsonPath post(String path, String body) {
        return given().contentType("application/x-ndjson")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private List<JsonPath> twoAtOnce(String path, String file) {
        CompletableFuture<JsonPath> a = CompletableFuture.supplyAsync(() -> post(path, file), pool);
        CompletableFuture<JsonPath> b = CompletableFuture.supplyAsync(() -> post(path, file), pool);
        return List.of(a.join(), b.join());
    }

    /** Each line was created by exactly one of the two imports; the other counts the same record as EXISTING. */
    private static void eachRowCreatedOnce(List<JsonPath> results) {
        JsonPath a = results.get(0);
        JsonPath b = results.get(1);
        assertThat(a.getInt("rows")).isEqualTo(ROWS);
        assertThat(b.getInt("rows")).isEqualTo(ROWS);
        assertThat(a.getInt("created") + b.getInt("created")).isEqualTo(ROWS);
        assertThat(a.getInt("failed") + b.getInt("failed")).isZero();
        assertThat(a.getInt("existing") + b.getInt("existing")).isEqualTo(ROWS);
        assertThat(a.getList("errors")).isEmpty();
        assertThat(b.getList("errors")).isEmpty();
    }

    @Test
    void twoImportsOfTheSameCustomersAtOnceStoreEachCustomerOnce() {
        String run = "race" + System.nanoTime();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            file.append("{\"kind\":\"CONSUMER\",\"givenName\":\"Race")
                    .append(i)
                    .append("\",\"emails\":[{\"value\":\"")
                    .append(run)
                    .append('-')
                    .append(i)
                    .append("@example.org\"}],\"phones\":[{\"value\":\"+4917")
                    .append(String.format("%09d", i))
                    .append("\"}],\"externalIds\":[{\"system\":\"")
                    .append(run)
                    .append("\",\"id\":\"")
                    .append(i)
                    .append("\"}]}\n");
        }

        List<JsonPath> results = twoAtOnce(CUSTOMERS, file.toString());

        eachRowCreatedOnce(results);
        assertThat(Db.count(ds, "select count(*) from customer_external_id where system = ?", run))
                .isEqualTo(ROWS);
        assertThat(Db.count(
                        ds,
                        "select count(distinct e.customer_id) from customer_external_id e join customer_contact_point p"
                                + " on p.customer_id = e.customer_id where e.system = ?",
                        run))
                .isEqualTo(ROWS);
        assertThat(Db.count(
                        ds,
                        "select count(*) from rapport_outbox o join customer_external_id e on o.subject = e.customer_id::text"
                                + " where e.system = ? and o.type = 'rapport.customer.registered.v1'",
                        run))
                .isEqualTo(ROWS);
    }

    @Test
    void twoImportsOfTheSameOrdersAtOnceRecordEachOrderOnce() {
        String run = "race" + System.nanoTime();
        List<String> buyers = List.of(Api.createPerson(), Api.createPerson(), Api.createPerson());
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            file.append("{\"customerId\":\"")
                    .append(buyers.get(i % buyers.size()))
                    .append("\",\"sourceSystem\":\"")
                    .append(run)
                    .append("\",\"orderId\":\"O-")
                    .append(i)
                    .append("\",\"occurredAt\":\"2025-03-01T10:00:00Z\",\"currency\":\"EUR\","
                            + "\"lines\":[{\"sku\":\"S-1\",\"category\":\"bedding\",\"quantity\":1,\"unitPrice\":\"10.00\","
                            + "\"unitCost\":\"4.00\"}]}\n");
        }

        List<JsonPath> results = twoAtOnce(PURCHASES, file.toString());

        eachRowCreatedOnce(results);
        assertThat(Db.count(ds, "select count(*) from purchase where source_system = ?", run))
                .isEqualTo(ROWS);
        assertThat(Db.count(
                        ds,
                        "select count(*) from purchase_line l join purchase p on p.id = l.purchase_id"
                                + " where p.source_system = ?",
                        run))
                .isEqualTo(ROWS);
        long recorded = 0;
        for (String buyer : buyers) {
            recorded += Db.events(ds, buyer, "rapport.customer.purchase-recorded.v1");
        }
        assertThat(recorded).isEqualTo(ROWS);
    }

    @Test
    void aRowWhoseEmailAnotherTransactionStoresFirstComesBackExisting() throws Exception {
        String email = Api.uniqueEmail();
        String other = Api.uniqueEmail();
        UUID winner = UUID.randomUUID();
        String file = "{\"kind\":\"CONSUMER\",\"givenName\":\"Late\",\"emails\":[{\"value\":\"" + email + "\"}]}\n"
                + "{\"kind\":\"CONSUMER\",\"givenName\":\"Fine\",\"emails\":[{\"value\":\"" + other + "\"}]}\n";
        JsonPath result;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            insertCustomerWithEmail(c, winner, email);
            // the import checks before this transaction commits, then waits on the unique index for it
            CompletableFuture<JsonPath> importing = CompletableFuture.supplyAsync(() -> post(CUSTOMERS, file), pool);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Db.count(
                                    ds,
                                    "select count(*) from pg_stat_activity"
                                            + " where datname = current_database() and wait_event_type = 'Lock'")
                            > 0);
            c.commit();
            result = importing.join();
        }

        assertThat(result.getInt("existing")).isEqualTo(1);
        assertThat(result.getInt("created")).isEqualTo(1);
        assertThat(Db.count(ds, "select count(*) from customer_contact_point where value = ?", email))
                .isEqualTo(1);
        assertThat(Db.count(ds, "select count(*) from customer_contact_point where value = ?", other))
                .isEqualTo(1);
        assertThat(Db.count(
                        ds,
                        "select count(*) from customer where given_name = 'Late'"
                                + " and id not in (select customer_id from customer_contact_point)"))
                .isZero();
    }

    private static void insertCustomerWithEmail(Connection c, UUID id, String email) throws SQLException {
        try (PreparedStatement customer = c.prepareStatement(
                        "insert into customer (id, version, kind, status, display_name, target,"
                                + " do_not_contact, created_at, updated_at) values (?, 0, 'CONSUMER', 'ACTIVE', 'Winner', false, false, now(), now())");
                PreparedStatement contact =
                        c.prepareStatement("insert into customer_contact_point (id, customer_id, kind, value,"
                                + " is_primary) values (?, ?, 'EMAIL', ?, true)")) {
            customer.setObject(1, id);
            customer.executeUpdate();
            contact.setObject(1, UUID.randomUUID());
            contact.setObject(2, id);
            contact.setString(3, email);
            contact.executeUpdate();
        }
    }
}
