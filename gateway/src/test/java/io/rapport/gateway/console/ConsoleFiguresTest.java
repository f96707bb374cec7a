package io.rapport.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.gateway.console.ConsoleClient.Answer;
import io.rapport.gateway.console.Views.Fact;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ConsoleFiguresTest {
    @Test
    void theParetoCurveStartsAtTheOriginAndMarksEachClassAtItsCumulativeShareOfCustomers() {
        List<BigDecimal> shares = new ArrayList<>();
        for (int k = 1; k <= 100; k++) {
            shares.add(BigDecimal.valueOf(k).movePointLeft(2));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("A", 3L);
        counts.put("B", 5L);
        counts.put("C", 4L);
        ParetoCurve curve = ParetoCurve.of(shares, counts);
        assertThat(curve.points()).hasSize(101);
        assertThat(curve.points().get(0)).containsExactly(0, 0);
        assertThat(curve.points().get(100)).containsExactly(100, 100);
        assertThat(curve.cutOffs())
                .extracting(ParetoCurve.CutOff::customerPercent)
                .containsExactly(25.0, 66.67, 100.0);
    }

    @Test
    void metricsReadTheOutboxGaugesAndTheLargestConsumerLag() {
        Metrics m = Metrics.parse("""
                # HELP rapport_outbox_backlog rows
                rapport_outbox_backlog 12.0
                rapport_outbox_lag_seconds 3.5
                kafka_consumer_fetch_manager_records_lag_max{client_id="a"} 4.0
                kafka_consumer_fetch_manager_records_lag_max{client_id="b"} 9.0
                kafka_consumer_fetch_manager_records_lag_max{client_id="c"} NaN
                """);
        assertThat(m).isEqualTo(new Metrics("12", "3.5", "9"));
        assertThat(Metrics.parse("")).isEqualTo(new Metrics("n/a", "n/a", "n/a"));
    }

    @Test
    void csvQuotesSeparatorsAndDefusesFormulasButNotNegativeNumbers() {
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(Csv.field("-12.50")).isEqualTo("-12.50");
        assertThat(Csv.field(null)).isEmpty();
    }

    @Test
    void complaintSlaStatesAreCountedAgainstTheGivenTimeNotTheWallClock() throws Exception {
        Answer queue = new Answer(200, new ObjectMapper().readTree("""
                        {"total": 4, "items": [
                          {"dueAt": "2030-03-01T09:00:00Z", "escalated": true},
                          {"dueAt": "2030-03-01T13:00:00Z"},
                          {"dueAt": "2030-03-05T12:00:00Z"},
                          {}
                        ]}
                        """), null);
        assertThat(ConsoleResource.complaintPart(queue, Instant.parse("2030-03-01T12:00:00Z"))
                        .facts())
                .extracting(Fact::label, Fact::value)
                .contains(
                        Tuple.tuple("Open", "4"),
                        Tuple.tuple("SLA breached", "1"),
                        Tuple.tuple("Due within 24 h", "1"),
                        Tuple.tuple("Within SLA", "2"),
                        Tuple.tuple("Escalated", "1"));
        assertThat(ConsoleResource.complaintPart(queue, Instant.parse("2030-03-06T00:00:00Z"))
                        .facts())
                .extracting(Fact::label, Fact::value)
                .contains(Tuple.tuple("SLA breached", "3"), Tuple.tuple("Within SLA", "1"));
    }
}
