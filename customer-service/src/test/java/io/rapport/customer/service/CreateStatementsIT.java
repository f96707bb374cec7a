package io.rapport.customer.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.rapport.customer.model.CustomerInput;
import io.rapport.customer.rest.CustomerEntry;
import io.rapport.devstack.jdbc.StatementCounting;
import io.rapport.devstack.jdbc.StatementCountingDriver;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What entering a customer and reading one send to PostgreSQL, counted by the JDBC driver on the calling thread. Before
 * the registration pipeline an entry with two e-mails, a phone, an external id, a tag and an Idempotency-Key sent 24
 * statements in its transaction (the key lookup, a uniqueness query per value, one insert per row, and eight re-reads of
 * the new rows for the snapshot, the audit and the answer); now 8. The duplicate detection the resource runs afterwards
 * in a transaction of its own (1 query, plus an insert per suggestion) is unchanged and not counted here.
 */
@QuarkusTest
@TestProfile(StatementCounting.class)
class CreateStatementsIT {
    private static final String CANDIDATE_QUERY = "cross join lateral";

    @Inject
    CustomerEntry entry;

    @Inject
    CustomerReader reader;

    @Inject
    ObjectMapper json;

    private CustomerInput input(String n) throws Exception {
        return json.readValue("""
                {"kind":"CONSUMER","givenName":"Grace","familyName":"Hopper",
                 "emails":[{"value":"a-%1$s@example.org"},{"value":"b-%1$s@example.org"}],
                 "phones":[{"value":"+4930%2$s"}],"tags":["vip"],
                 "address":{"line1":"Main St 1","city":"Berlin","postalCode":"10115","country":"DE"},
                 "externalIds":[{"system":"shop","id":"S-%1$s"}]}""".formatted(n, Math.abs(n.hashCode() % 10_000_000)), CustomerInput.class);
    }

    @Test
    void anEntryReadsOnceAndWritesEachTableOnce() throws Exception {
        String n = UUID.randomUUID().toString().substring(0, 8);
        CustomerInput in = input(n);
        entry.create(input(UUID.randomUUID().toString().substring(0, 8)), null, "rep-1"); // warm: prepared statements

        StatementCountingDriver.reset();
        entry.create(in, "key-" + n, "rep-1");
        List<String> sent = StatementCountingDriver.sent();

        System.out.println("an entry sent " + sent.size() + " statements:\n  " + String.join("\n  ", sent));
        assertThat(sent).hasSize(8);
        assertThat(sent.get(0)).startsWith("select");
        assertThat(sent.subList(1, sent.size()))
                .allSatisfy(s -> assertThat(s).doesNotStartWith("select"))
                .noneMatch(s -> s.contains("delete"));
        assertThat(sent).filteredOn(s -> s.contains("rapport_outbox")).hasSize(1);
        assertThat(sent).filteredOn(s -> s.contains("rapport_audit")).hasSize(1);
    }

    @Test
    void anEntryWithoutStreetLineOrBirthDateRunsNoDuplicateDetection() {
        // the candidate query only looks for customers whose new record has a street line or a birth date
        // (DuplicateRule
        // needs one of them, or a shared phone, which entry refuses): without either, the detection's transaction and
        // query are skipped (they cost a transaction per benchmark create and found nothing)
        String n = UUID.randomUUID().toString().substring(0, 8);
        StatementCountingDriver.resetAll();
        given().contentType(ContentType.JSON)
                .body("""
                        {"kind":"CONSUMER","givenName":"Ratio","familyName":"Bench %1$s",
                         "emails":[{"value":"ratio.%1$s@bench.example"}],"address":{"city":"Berlin"}}""".formatted(n))
                .post("/api/v1/customers")
                .then()
                .statusCode(201);
        assertThat(StatementCountingDriver.sentByAll()).noneMatch(s -> s.contains(CANDIDATE_QUERY));

        StatementCountingDriver.resetAll();
        given().contentType(ContentType.JSON)
                .body("""
                        {"kind":"CONSUMER","givenName":"Ratio","familyName":"Bench %1$s",
                         "emails":[{"value":"ratio2.%1$s@bench.example"}],"birthDate":"1980-02-03"}""".formatted(n))
                .post("/api/v1/customers")
                .then()
                .statusCode(201);
        assertThat(StatementCountingDriver.sentByAll())
                .filteredOn(s -> s.contains(CANDIDATE_QUERY))
                .hasSize(1);
    }

    @Test
    void aReplayReadsTheKeyAndTheFirstResultOnly() throws Exception {
        String n = UUID.randomUUID().toString().substring(0, 8);
        CustomerInput in = input(n);
        entry.create(in, "key-" + n, "rep-1");

        StatementCountingDriver.reset();
        CustomerEntry.Created again = entry.create(in, "key-" + n, "rep-1");

        assertThat(again.replayed()).isTrue();
        assertThat(StatementCountingDriver.sent()).hasSize(2);
    }

    @Test
    void aReadByIdIsOneStatement() throws Exception {
        UUID id = entry.create(input(UUID.randomUUID().toString().substring(0, 8)), null, "rep-1")
                .customer()
                .id();

        StatementCountingDriver.reset();
        reader.byId(id).orElseThrow();

        assertThat(StatementCountingDriver.sent()).hasSize(1);
    }
}
