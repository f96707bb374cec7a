package io.rapport.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fault controls of a running stack: a Kafka outage and a PostgreSQL restart, each recovering with its data. */
class DevStackControlTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path dir;
    private static DevStack stack;
    private static DevStackControl control;

    @BeforeAll
    static void start() throws Exception {
        dir = ProjectDirs.rapportDir()
                .resolve("test")
                .resolve("control-" + UUID.randomUUID().toString().substring(0, 8));
        stack = DevStack.start(dir, FreePorts.next(), FreePorts.next(), false);
        control = DevStackControl.start(stack, 0);
    }

    @AfterAll
    static void stop() {
        if (control != null) {
            control.close();
        }
        if (stack != null) {
            stack.close();
        }
        ProjectDirs.deleteQuietly(dir);
    }

    @Test
    void kafkaStopsAndComesBackWithItsData() throws Exception {
        Map<String, Object> config = new HashMap<>(Map.of(
                "bootstrap.servers",
                stack.kafkaBootstrap(),
                "max.block.ms",
                3000,
                "delivery.timeout.ms",
                3000,
                "request.timeout.ms",
                2000,
                "linger.ms",
                0));
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("control.probe", 0, "k", "before"))
                    .get();
        }
        assertThat(post("/kafka/stop")).isEqualTo(200);
        assertThat(get("/status")).contains("kafka=down");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("control.probe", 0, "k", "during"))
                            .get())
                    .isInstanceOf(ExecutionException.class);
        }
        assertThat(post("/kafka/start")).isEqualTo(200);
        assertThat(get("/status")).contains("kafka=up");
        config.put("max.block.ms", 30000);
        config.put("delivery.timeout.ms", 30000);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("control.probe", 0, "k", "after"))
                    .get();
        }
        Map<String, Object> consumerConfig =
                Map.of("bootstrap.servers", stack.kafkaBootstrap(), "enable.auto.commit", false);
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition("control.probe", 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 2 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
            assertThat(values).containsExactly("before", "after");
        }
    }

    @Test
    void postgresRestartTerminatesConnectionsAndKeepsTheData() throws Exception {
        stack.postgres().ensureDatabase("control_probe");
        String url = stack.postgres().jdbcUrl("control_probe");
        try (Connection c = DriverManager.getConnection(
                url, stack.postgres().username(), stack.postgres().password())) {
            c.createStatement().execute("create table kept (v text)");
            c.createStatement().execute("insert into kept values ('x')");
            assertThat(post("/postgres/restart?downtime=1")).isEqualTo(200);
            assertThatThrownBy(() -> c.createStatement().executeQuery("select 1"))
                    .isInstanceOf(SQLException.class);
        }
        try (Connection c = DriverManager.getConnection(
                        url, stack.postgres().username(), stack.postgres().password());
                ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("x");
        }
    }

    @Test
    void onlyPostChangesAnything() throws Exception {
        var reply = HTTP.send(
                HttpRequest.newBuilder(URI.create(control.url() + "/kafka/stop"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(405);
        assertThat(get("/status")).contains("kafka=up");
    }

    private static int post(String path) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(control.url() + path))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .timeout(Duration.ofSeconds(120))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static String get(String path) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(control.url() + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
