package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.devstack.TestKafka;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A database fault while consumers apply events (the table they write to is renamed away, as an operator mistake or
 * a revoked grant would do) is transient: the consumers wait and retry for as long as it lasts, showing
 * {@code rapport_consumer_retrying}, and afterwards every event is applied exactly once with no dead letter. Before,
 * three quick attempts sent each event to the dead-letter topic and it was never applied.
 */
@QuarkusTest
class TransientFaultIT {
    private static final String TYPE = "rapport.test.probe.v1";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDatabaseFaultWhileApplyingEventsDelaysThemButLosesNoneAndDeadLettersNone() throws Exception {
        String subject = UUID.randomUUID().toString();
        List<String> single = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        sql("alter table probe_effect rename to probe_effect_away");
        try {
            for (int i = 0; i < 5; i++) {
                single.add(TestKafka.send("platform.probe", TYPE, subject, "{\"n\":" + i + "}"));
                batch.add(TestKafka.send("platform.batch", TYPE, subject, "{\"b\":" + i + "}"));
            }
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(metrics())
                            .contains("rapport_consumer_retrying{consumer=\"probe\"} 1.0")
                            .contains("rapport_consumer_retrying{consumer=\"batch-probe-channel\"} 1.0"));
        } finally {
            sql("alter table probe_effect_away rename to probe_effect");
        }

        List<String> all = new ArrayList<>(single);
        all.addAll(batch);
        await().atMost(Duration.ofSeconds(60)).until(() -> effects(subject).containsAll(all));
        assertThat(effects(subject))
                .as("each event applied exactly once")
                .hasSameSizeAs(all)
                .containsExactlyInAnyOrderElementsOf(all);
        assertThat(effects(subject).stream().filter(single::contains).toList())
                .as("in order")
                .containsExactlyElementsOf(single);
        assertThat(deadLetters(subject)).isZero();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(metrics())
                        .contains("rapport_consumer_retrying{consumer=\"probe\"} 0.0")
                        .contains("rapport_consumer_retrying{consumer=\"batch-probe-channel\"} 0.0"));
    }

    @Test
    void aMalformedRecordStillGoesToTheDeadLettersAtOnce() throws Exception {
        String subject = UUID.randomUUID().toString();
        TestKafka.sendRaw(new ProducerRecord<>("platform.probe", subject, "no CloudEvents headers at all"));
        String next = TestKafka.send("platform.probe", TYPE, subject, "{\"n\":1}");

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(subject).contains(next));
        assertThat(deadLetters(subject)).isEqualTo(1);
    }

    private String metrics() {
        return Management.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute(statement);
        }
    }

    private List<String> effects(String subject) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select event_id from probe_effect where subject = ? order by id")) {
            ps.setString(1, subject);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (java.sql.SQLException renamedAway) {
            return List.of();
        }
    }

    private long deadLetters(String subject) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select count(*) from rapport_dead_letter where subject = ?")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
