package io.rapport.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class DevStackTest {

    @Test
    void sharedStackGivesARealBrokerAndADatabasePerService() throws Exception {
        DevStack stack = DevStack.shared();
        assertThat(DevStack.shared()).isSameAs(stack);

        stack.postgres().ensureDatabase("devstack_probe");
        stack.postgres().ensureDatabase("devstack_probe");
        try (var c = DriverManager.getConnection(
                        stack.postgres().jdbcUrl("devstack_probe"),
                        stack.postgres().username(),
                        stack.postgres().password());
                ResultSet rs = c.createStatement().executeQuery("select version()")) {
            assertThat(rs.next()).isTrue();
            // the embedded server is PostgreSQL 17; a server named by RAPPORT_DB_URL may be any version
            assertThat(rs.getString(1))
                    .startsWith(System.getenv("RAPPORT_DB_URL") == null ? "PostgreSQL 17" : "PostgreSQL");
        }

        Map<String, Object> common = Map.of("bootstrap.servers", stack.kafkaBootstrap());
        try (var producer = new KafkaProducer<>(common, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("devstack.probe", "k", "hello")).get();
        }
        var consumerConfig = new java.util.HashMap<String, Object>(common);
        consumerConfig.put("group.id", "probe");
        consumerConfig.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("devstack.probe"));
            String value = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (value == null && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (var r : records) {
                    value = r.value();
                }
            }
            assertThat(value).isEqualTo("hello");
        }
    }

    @Test
    void externalServerUrlKeepsItsQueryAndMaintenanceDatabase() {
        var pg = new ExternalPostgres("jdbc:postgresql://db.example:5433/admin?sslmode=require", "u", "p");
        assertThat(pg.jdbcUrl("customer")).isEqualTo("jdbc:postgresql://db.example:5433/customer?sslmode=require");
        assertThat(pg.maintenanceDatabase()).isEqualTo("admin");
    }
}
