package io.rapport.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class RelayProducersTest {
    @Test
    void theRelaySendsABatchAtOnceWithoutLingeringOnTheFirstRecord() {
        Map<String, Object> p = RelayProducers.settings(Map.of(ProducerConfig.LINGER_MS_CONFIG, 50), "relay");
        assertThat(p).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0);
    }

    @Test
    void theRelaysGuaranteesWinOverTheApplicationsSettings() {
        Map<String, Object> p = RelayProducers.settings(
                Map.of(
                        ProducerConfig.ACKS_CONFIG,
                        "1",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        false,
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        "broker:9093",
                        "security.protocol",
                        "SSL"),
                "relay");
        assertThat(p)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9093")
                .containsEntry("security.protocol", "SSL")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "relay");
    }
}
