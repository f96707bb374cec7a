package io.rapport.segmentation.classification;

import static io.rapport.segmentation.TestData.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.platform.persistence.Db;
import io.rapport.segmentation.TestData;
import io.rapport.segmentation.domain.Scheme;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A run's events reach the outbox after the run, each change exactly once, RunCompleted last, also after a stop. */
@QuarkusTest
class RunEventsIT {
    private static final String CHANGED = "rapport.segmentation.segment-changed.v1";
    private static final String COMPLETED = "rapport.segmentation.run-completed.v1";

    @Inject
    TestData data;

    @Inject
    RunService runs;

    @Inject
    RunEvents events;

    @Inject
    Db db;

    @BeforeEach
    void reset() {
        data.reset();
    }

    private long events(String type, UUID run) {
        return data.count(
                "select count(*) from rapport_outbox where type = ? and payload::jsonb ->> 'runId' = ?",
                type,
                run.toString());
    }

    private long distinctCustomers(UUID run) {
        return data.count(
                "select count(distinct subject) from rapport_outbox where type = ? and payload::jsonb ->> 'runId' = ?",
                CHANGED,
                run.toString());
    }

    /** RunCompleted's place in the outbox comes after every SegmentChanged of the run. */
    private boolean completedLast(UUID run) {
        return data.count(
                        "select count(*) from rapport_outbox c where c.type = ? and c.payload::jsonb ->> 'runId' = ?"
                                + " and c.seq > (select max(seq) from rapport_outbox e where e.type = ? and e.payload::jsonb ->> 'runId' = ?)",
                        COMPLETED,
                        run.toString(),
                        CHANGED,
                        run.toString())
                == 1;
    }

    @Test
    void everyChangeOnceThenRunCompletedAlsoWhenTheWritingStoppedHalfWay() {
        for (int i = 1; i <= 25; i++) {
            data.revenue(id(i), BigDecimal.valueOf(i * 10L));
        }
        RunSummary run = runs.run(Scheme.ABC, "TEST").orElseThrow();
        assertThat(run.changed()).isEqualTo(25);
        data.awaitRunEvents();
        assertThat(events(CHANGED, run.runId())).isEqualTo(25);
        assertThat(distinctCustomers(run.runId())).isEqualTo(25);
        assertThat(events(COMPLETED, run.runId())).isEqualTo(1);
        assertThat(completedLast(run.runId())).isTrue();
        String top = db.one(
                        "select payload from rapport_outbox where type = ? and subject = ?",
                        rs -> rs.getString(1),
                        CHANGED,
                        id(25).toString())
                .orElseThrow();
        JsonPath event = JsonPath.from(top);
        assertThat(event.getString("toClass")).isEqualTo("A");
        assertThat(event.getString("fromClass")).isNull();
        assertThat(event.getString("figures.revenue")).isEqualTo("250");
        assertThat(event.getLong("policyVersion")).isEqualTo(1);
        assertThat(event.getString("recommendedLevel"))
                .isEqualTo(run.classes().get(0).recommendedLevel());
        assertThat(event.getString("occurredAt")).isEqualTo(run.startedAt().toString());

        // as if the process had stopped after the first 7 changes' events: the job is back with its cursor after them
        List<Long> changes =
                db.list("select id from segment_change where run_id = ? order by id", rs -> rs.getLong(1), run.runId());
        List<String> written = db.list(
                "select customer_id::text from segment_change where run_id = ? and id < ?",
                rs -> rs.getString(1),
                run.runId(),
                changes.get(7));
        db.update(
                "delete from rapport_outbox where payload::jsonb ->> 'runId' = ? and (type = ? or not subject = any(?::text[]))",
                run.runId().toString(),
                COMPLETED,
                written.toArray(String[]::new));
        assertThat(events(CHANGED, run.runId())).isEqualTo(7);
        QuarkusTransaction.requiringNew()
                .run(() -> events.queue(run, "revenue", run.classes(), changes.get(7), changes.get(24)));

        assertThat(events.drain(7)).isEqualTo(18);
        assertThat(events.pending()).isZero();
        assertThat(events(CHANGED, run.runId())).isEqualTo(25);
        assertThat(distinctCustomers(run.runId())).isEqualTo(25);
        assertThat(events(COMPLETED, run.runId())).isEqualTo(1);
        assertThat(completedLast(run.runId())).isTrue();
        assertThat(events.drain(7)).isZero();
    }

    @Test
    void aRunWithoutChangesPublishesOnlyRunCompleted() {
        data.revenue(id(1), BigDecimal.TEN);
        runs.run(Scheme.ABC, "TEST").orElseThrow();
        data.awaitRunEvents();
        RunSummary again = runs.run(Scheme.ABC, "TEST").orElseThrow();
        assertThat(again.changed()).isZero();
        assertThat(events.pending()).isZero();
        assertThat(events(COMPLETED, again.runId())).isEqualTo(1);
        assertThat(events(CHANGED, again.runId())).isZero();
    }
}
