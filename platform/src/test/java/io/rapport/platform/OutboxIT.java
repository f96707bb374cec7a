package io.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contracts.CloudEvents;
import io.rapport.contracts.Topics;
import io.rapport.devstack.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxIT {

    @Test
    void committedEventsArePublishedInOrderWithCloudEventsHeaders() {
        String subject = UUID.randomUUID().toString();
        given().post("/probe/events/{s}?count=20", subject).then().statusCode(204);

        List<ConsumerRecord<String, String>> mine = ofSubject(
                TestKafka.readUntil(
                        Topics.CUSTOMER,
                        Duration.ofSeconds(30),
                        all -> ofSubject(all, subject).size() >= 20),
                subject);

        assertThat(mine).hasSize(20);
        for (int i = 0; i < mine.size(); i++) {
            ConsumerRecord<String, String> r = mine.get(i);
            assertThat(r.key()).isEqualTo(subject);
            assertThat(r.value()).contains("\"occurredAt\":\"" + java.time.Instant.ofEpochSecond(i) + "\"");
            assertThat(TestKafka.header(r, CloudEvents.SPECVERSION)).isEqualTo("1.0");
            assertThat(TestKafka.header(r, CloudEvents.TYPE)).isEqualTo("rapport.customer.erased.v1");
            assertThat(TestKafka.header(r, CloudEvents.SOURCE)).isEqualTo("/platform-test");
            assertThat(TestKafka.header(r, CloudEvents.SUBJECT)).isEqualTo(subject);
            assertThat(TestKafka.header(r, CloudEvents.TIME)).isNotBlank();
            assertThat(TestKafka.header(r, CloudEvents.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(UUID.fromString(TestKafka.header(r, CloudEvents.ID))).isNotNull();
        }
        assertThat(mine.stream().map(r -> TestKafka.header(r, CloudEvents.ID)).distinct())
                .hasSize(20);
    }

    @Test
    void eventsRecordedFromAQueryArePublishedInItsOrder() {
        String subject = UUID.randomUUID().toString();
        given().post("/probe/events-by-query/{s}?count=25", subject)
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.equalTo("25"));

        List<ConsumerRecord<String, String>> mine = ofSubject(
                TestKafka.readUntil(
                        Topics.CUSTOMER,
                        Duration.ofSeconds(30),
                        all -> ofSubject(all, subject).size() >= 25),
                subject);

        assertThat(mine).hasSize(25);
        for (int i = 0; i < mine.size(); i++) {
            ConsumerRecord<String, String> r = mine.get(i);
            assertThat(r.value()).contains("\"occurredAt\" : \"" + java.time.Instant.ofEpochSecond(i) + "\"");
            assertThat(TestKafka.header(r, CloudEvents.TYPE)).isEqualTo("rapport.customer.erased.v1");
            assertThat(TestKafka.header(r, CloudEvents.SOURCE)).isEqualTo("/platform-test");
            assertThat(TestKafka.header(r, CloudEvents.SUBJECT)).isEqualTo(subject);
        }
        assertThat(mine.stream().map(r -> TestKafka.header(r, CloudEvents.ID)).distinct())
                .hasSize(25);
    }

    @Test
    void eachSubjectsEventsCarryAGaplessSequenceInCommitOrderWhicheverWayTheyWereWritten() {
        String subject = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        given().post("/probe/events/{s}?count=3", subject).then().statusCode(204);
        given().post("/probe/events/{s}?count=2", other).then().statusCode(204);
        given().post("/probe/events-by-query/{s}?count=4", subject).then().statusCode(200);
        given().post("/probe/events/{s}?count=1&fail=true", subject)
                .then()
                .statusCode(422); // rolled back: no number used
        given().post("/probe/events-in-batch/{s}?count=2", subject).then().statusCode(204);

        List<ConsumerRecord<String, String>> all = TestKafka.readUntil(
                Topics.CUSTOMER,
                Duration.ofSeconds(30),
                r -> ofSubject(r, subject).size() >= 9 && ofSubject(r, other).size() >= 2);
        assertThat(ofSubject(all, subject))
                .extracting(r -> TestKafka.header(r, "ce_sequence"))
                .containsExactly(
                        "0000000000000000001",
                        "0000000000000000002",
                        "0000000000000000003",
                        "0000000000000000004",
                        "0000000000000000005",
                        "0000000000000000006",
                        "0000000000000000007",
                        "0000000000000000008",
                        "0000000000000000009");
        assertThat(ofSubject(all, other))
                .extracting(r -> TestKafka.header(r, "ce_sequence"))
                .containsExactly("0000000000000000001", "0000000000000000002");
    }

    @Test
    void eventsOfARolledBackTransactionAreNeverPublished() {
        String rolledBack = UUID.randomUUID().toString();
        String committed = UUID.randomUUID().toString();
        given().post("/probe/events/{s}?count=3&fail=true", rolledBack).then().statusCode(422);
        // a later committed event proves the relay has run past the point where the rolled-back rows would be
        given().post("/probe/events/{s}?count=1", committed).then().statusCode(204);

        List<ConsumerRecord<String, String>> all = TestKafka.readUntil(
                Topics.CUSTOMER,
                Duration.ofSeconds(30),
                records -> !ofSubject(records, committed).isEmpty());

        assertThat(ofSubject(all, committed)).hasSize(1);
        assertThat(ofSubject(all, rolledBack)).isEmpty();
    }

    static List<ConsumerRecord<String, String>> ofSubject(
            List<ConsumerRecord<String, String>> records, String subject) {
        return records.stream().filter(r -> subject.equals(r.key())).toList();
    }
}
