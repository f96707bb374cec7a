package io.rapport.bench.ratio;

import io.rapport.bench.faults.Stack;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.devstack.TestKafka;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What this machine's PostgreSQL server and Kafka broker (the ones the services use) can do, measured in the same run:
 * <ul>
 * <li><b>write</b>: one statement per transaction (autocommit) inserting a customer row, a contact row and a ~700-byte
 * outbox row into copies of customer-service's own tables ({@code create table ... (like ... including all)}: same
 * columns, indexes and constraints) in a scratch schema {@code rapport_bench_limit} of the customer database, dropped
 * at the end;</li>
 * <li><b>read</b>: a primary-key {@code select *} of one of those customer rows;</li>
 * <li><b>Kafka round trip</b>: one record produced (acks=all) and consumed by a consumer already assigned, one at a
 * time;</li>
 * <li><b>Kafka consume</b>: a backlog of purchase CloudEvents of the services' size read by a fresh consumer.</li>
 * </ul>
 */
final class Limits implements AutoCloseable {
    static final String SCHEMA = "rapport_bench_limit";
    private static final String PAYLOAD = "x".repeat(700);
    private final Stack stack;
    private final ConcurrentLinkedQueue<UUID> written = new ConcurrentLinkedQueue<>();

    Limits(Stack stack) throws Exception {
        this.stack = stack;
        try (Connection c = stack.database("customer");
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
            s.execute("create table " + SCHEMA + ".customer (like public.customer including all)");
            s.execute("create table " + SCHEMA
                    + ".customer_contact_point (like public.customer_contact_point including all)");
            s.execute("create table " + SCHEMA + ".rapport_outbox (like public.rapport_outbox including all)");
        }
    }

    Rounds.Result write(int threads, Duration warmup, Duration round, int rounds) throws Exception {
        String sql = "with c as (insert into " + SCHEMA
                + ".customer (id, version, kind, status, display_name, given_name,"
                + " family_name, time_zone, target, do_not_contact, created_at, updated_at)"
                + " values (?, 0, 'CONSUMER', 'ACTIVE', ?, 'Bench', ?, 'UTC', false, false, now(), now()) returning id),"
                + " p as (insert into " + SCHEMA + ".customer_contact_point (id, customer_id, kind, value, is_primary)"
                + " select ?, id, 'EMAIL', ?, true from c returning 1)"
                + " insert into " + SCHEMA + ".rapport_outbox (id, topic, type, source, subject, payload)"
                + " select ?, 'customer.events', 'rapport.customer.registered.v1', '/customer-service', id::text, ? from c";
        List<Connection> connections = new ArrayList<>();
        try {
            return Rounds.run(threads, warmup, round, rounds, worker -> {
                Connection c = stack.database("customer");
                connections.add(c);
                PreparedStatement insert = c.prepareStatement(sql);
                return (w, n) -> {
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setString(2, "Bench Limit " + n);
                    insert.setString(3, "Limit " + n);
                    insert.setObject(4, UUID.randomUUID());
                    insert.setString(5, "limit." + id + "@bench.example");
                    insert.setObject(6, UUID.randomUUID());
                    insert.setString(7, PAYLOAD);
                    insert.executeUpdate();
                    if (n % 4 == 0) {
                        written.add(id);
                    }
                    return true;
                };
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    Rounds.Result read(int threads, Duration warmup, Duration round, int rounds) throws Exception {
        UUID[] ids = written.toArray(UUID[]::new);
        if (ids.length == 0) {
            throw new IllegalStateException("the write limit wrote no rows to read");
        }
        List<Connection> connections = new ArrayList<>();
        try {
            return Rounds.run(threads, warmup, round, rounds, worker -> {
                Connection c = stack.database("customer");
                connections.add(c);
                PreparedStatement select = c.prepareStatement("select * from " + SCHEMA + ".customer where id = ?");
                return (w, n) -> {
                    select.setObject(1, ids[ThreadLocalRandom.current().nextInt(ids.length)]);
                    try (ResultSet rs = select.executeQuery()) {
                        return rs.next();
                    }
                };
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    /** Kafka produce -> consume of single records, one at a time: p50 and p99 in ms per round, median of rounds. */
    double[] kafkaRoundTrip(int samplesPerRound, int rounds) throws Exception {
        String topic = "rapport.bench.roundtrip";
        createTopic(topic, 1);
        TopicPartition tp = new TopicPartition(topic, 0);
        try (KafkaProducer<String, String> producer = producer();
                KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(List.of(tp));
            consumer.seekToEnd(List.of(tp));
            consumer.position(tp);
            double[] p50 = new double[rounds];
            double[] p99 = new double[rounds];
            for (int r = -1; r < rounds; r++) { // round -1: warm-up
                long[] lat = new long[samplesPerRound];
                for (int i = 0; i < samplesPerRound; i++) {
                    String key = UUID.randomUUID().toString();
                    long t0 = System.nanoTime();
                    producer.send(new ProducerRecord<>(topic, 0, key, PAYLOAD));
                    producer.flush();
                    boolean seen = false;
                    long deadline = t0 + TimeUnit.SECONDS.toNanos(10);
                    while (!seen && System.nanoTime() < deadline) {
                        for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(100))) {
                            seen |= key.equals(rec.key());
                        }
                    }
                    lat[i] = System.nanoTime() - t0;
                }
                if (r >= 0) {
                    Arrays.sort(lat);
                    p50[r] = Rounds.percentile(lat, 50);
                    p99[r] = Rounds.percentile(lat, 99);
                }
            }
            return new double[] {Rounds.median(p50), Rounds.median(p99)};
        }
    }

    /** Records/s a fresh consumer reads from a backlog of {@code records} purchase CloudEvents (3 partitions). */
    Rounds.Result kafkaConsume(int records, int rounds) throws Exception {
        String topic = "rapport.bench.backlog";
        createTopic(topic, 3);
        double[] perRound = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            List<TopicPartition> partitions =
                    List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1), new TopicPartition(topic, 2));
            Map<TopicPartition, Long> from;
            try (KafkaConsumer<String, String> probe = consumer()) {
                from = new HashMap<>(probe.endOffsets(partitions));
            }
            try (KafkaProducer<String, String> producer = producer()) {
                for (int i = 0; i < records; i++) {
                    String customer = UUID.randomUUID().toString();
                    ProducerRecord<String, String> event = TestKafka.cloudEvent(
                            topic,
                            UUID.randomUUID().toString(),
                            CustomerEvents.PURCHASE_RECORDED.name(),
                            "/bench",
                            customer,
                            Purchases.payload(customer, UUID.randomUUID().toString(), "42.90"));
                    producer.send(event);
                }
                producer.flush();
            }
            try (KafkaConsumer<String, String> consumer = consumer()) {
                consumer.assign(partitions);
                from.forEach(consumer::seek);
                long t0 = System.nanoTime();
                int read = 0;
                long bytes = 0;
                while (read < records && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(60)) {
                    ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(200));
                    for (ConsumerRecord<String, String> rec : batch) {
                        bytes += rec.value().length(); // touch the value, as a consumer must
                        read++;
                    }
                }
                perRound[r] = read / ((System.nanoTime() - t0) / 1e9);
            }
        }
        return new Rounds.Result(Rounds.median(perRound), perRound, (long) records * rounds, 0, new long[0], Map.of());
    }

    private void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    KafkaProducer<String, String> producer() {
        Map<String, Object> p = Map.of("bootstrap.servers", stack.kafkaBootstrap(), "acks", "all", "linger.ms", "0");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> p = Map.of(
                "bootstrap.servers",
                stack.kafkaBootstrap(),
                "enable.auto.commit",
                "false",
                "max.poll.records",
                "500",
                "fetch.max.wait.ms",
                "10",
                "auto.offset.reset",
                "latest");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    @Override
    public void close() throws Exception {
        try (Connection c = stack.database("customer");
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }
}
