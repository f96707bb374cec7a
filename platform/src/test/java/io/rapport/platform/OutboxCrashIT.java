package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rapport.contracts.CloudEvents;
import io.rapport.contracts.Topics;
import io.rapport.devstack.TestKafka;
import io.rapport.platform.ProbeApp.ProbeService;
import io.rapport.platform.outbox.OutboxPublishException;
import io.rapport.platform.outbox.OutboxRelay;
import io.rapport.platform.outbox.RelayProducers;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A relay process killed with SIGKILL in the middle of publishing loses nothing: after a restart every
 * committed event reaches Kafka (perhaps twice, never never), and each subject's events keep their order.
 */
@QuarkusTest
@TestProfile(OutboxCrashIT.RelayOff.class)
class OutboxCrashIT {

    /** The in-process relay is off, so only the child JVM and then this test publish. */
    public static class RelayOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rapport.outbox.relay-enabled", "false");
        }
    }

    @Inject
    ProbeService probe;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aCommittedEventIsPublishedEvenWhenTheRelayIsKilledMidBatch() throws Exception {
        List<String> subjects = List.of(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        for (String s : subjects) {
            probe.publish(s, 100, false);
        }

        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        RelayChildMain.class.getName(),
                        url,
                        user,
                        password,
                        TestKafka.bootstrapServers(),
                        "10")
                .redirectErrorStream(true)
                .start();
        long sentBeforeKill = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("SENT ")) {
                    sentBeforeKill = Long.parseLong(line.substring(5));
                    if (sentBeforeKill >= 60) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no commit
                        break;
                    }
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sentBeforeKill)
                .as("the child published part of the outbox before it died")
                .isGreaterThanOrEqualTo(60);
        assertThat(unsent()).as("the child died before it finished").isGreaterThan(0);

        try (var producer = RelayProducers.create(TestKafka.bootstrapServers(), "relay-restarted")) {
            OutboxRelay restarted = new OutboxRelay(dataSource, producer, 50);
            while (restarted.publishBatch() > 0) {
                // drain what the killed relay left behind
            }
        }
        assertThat(unsent()).isZero();

        List<ConsumerRecord<String, String>> all = TestKafka.readUntil(
                Topics.CUSTOMER,
                Duration.ofSeconds(60),
                records ->
                        subjects.stream().allMatch(s -> distinctIds(records, s).size() >= 100));
        for (String s : subjects) {
            assertThat(distinctIds(all, s))
                    .as("every committed event of %s reached Kafka", s)
                    .hasSize(100);
            List<Long> order = firstOccurrenceOrder(all, s);
            assertThat(order).as("events of %s in commit order", s).isSorted();
        }
    }

    @Test
    void whileKafkaRefusesRowsStayUnsentAndArePublishedOnceItAcceptsAgain() throws Exception {
        String subject = UUID.randomUUID().toString();
        probe.publish(subject, 3, false);
        long before = unsent();

        MockProducer<String, byte[]> down =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        down.sendException = new org.apache.kafka.common.errors.TimeoutException("broker unreachable");
        assertThatThrownBy(() -> new OutboxRelay(dataSource, down, 50).publishBatch())
                .isInstanceOf(OutboxPublishException.class);
        assertThat(unsent())
                .as("nothing is marked sent without an acknowledgement")
                .isEqualTo(before);

        MockProducer<String, byte[]> up =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        assertThat(new OutboxRelay(dataSource, up, 500).publishBatch()).isEqualTo((int) before);
        assertThat(unsent()).isZero();
        assertThat(up.history().stream().filter(r -> subject.equals(r.key()))).hasSize(3);
    }

    /**
     * The service's relay keeps its connection and the advisory lock from one batch to the next (no pool round trip, lock
     * and unlock per batch): meanwhile no other relay publishes, and once it is closed another one does.
     */
    @Test
    void aHoldingRelayKeepsItsLockBetweenBatchesAndLetsGoWhenClosed() throws Exception {
        drain();
        MockProducer<String, byte[]> first =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        MockProducer<String, byte[]> other =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        try (OutboxRelay holder = OutboxRelay.holding(dataSource, first, 50)) {
            probe.publish(UUID.randomUUID().toString(), 2, false);
            assertThat(holder.publishBatch()).isEqualTo(2);

            probe.publish(UUID.randomUUID().toString(), 3, false);
            assertThat(new OutboxRelay(dataSource, other, 50).publishBatch())
                    .as("the lock is still held")
                    .isZero();
            assertThat(holder.publishBatch()).isEqualTo(3);
            assertThat(holdersOfTheRelayLock()).isEqualTo(1);

            probe.publish(UUID.randomUUID().toString(), 1, false);
        }
        assertThat(holdersOfTheRelayLock()).isZero();
        assertThat(new OutboxRelay(dataSource, other, 50).publishBatch()).isEqualTo(1);
        assertThat(first.history()).hasSize(5);
    }

    /** A holding relay whose batch fails lets go of its lock at once, so another replica can take over. */
    @Test
    void aHoldingRelayWhoseBatchFailsLetsGoOfItsLock() throws Exception {
        drain();
        probe.publish(UUID.randomUUID().toString(), 2, false);
        MockProducer<String, byte[]> down =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        down.sendException = new org.apache.kafka.common.errors.TimeoutException("broker unreachable");
        try (OutboxRelay holder = OutboxRelay.holding(dataSource, down, 50)) {
            assertThatThrownBy(holder::publishBatch).isInstanceOf(OutboxPublishException.class);
            assertThat(holdersOfTheRelayLock()).isZero();
            MockProducer<String, byte[]> up =
                    new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
            assertThat(new OutboxRelay(dataSource, up, 50).publishBatch()).isEqualTo(2);
        }
    }

    /**
     * The relay's marks do not wait for the WAL flush (issue 18): a lost mark only sends its row again, which consumers
     * drop by ce_id, while a synchronous mark cost each batch an fsync that also delayed the consumers' commits. The
     * relay's session runs with synchronous_commit=on here (as on a production server; the test server has it off);
     * pg_stat_wal.wal_write counts the WAL writes, one per synchronous commit (fsync is off on the test server, the
     * write at commit is not).
     */
    @Test
    void aRelayMarksRowsSentWithoutWaitingForTheWalFlush() throws Exception {
        drain();
        probe.publish(UUID.randomUUID().toString(), 41, false);
        List<Connection> handedOut = new ArrayList<>();
        javax.sql.DataSource synchronous = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    Object result = method.invoke(dataSource, args);
                    if (result instanceof Connection c) {
                        try (var st = c.createStatement()) {
                            st.execute("set synchronous_commit = on");
                        }
                        handedOut.add(c);
                    }
                    return result;
                });
        MockProducer<String, byte[]> up =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        try (OutboxRelay relay = OutboxRelay.holding(synchronous, up, 1)) {
            assertThat(relay.publishBatch()).isEqualTo(1);
            assertThat(handedOut).hasSize(1);
            Connection held = handedOut.get(0);
            long before = walWrites(held);
            for (int i = 0; i < 40; i++) {
                assertThat(relay.publishBatch()).isEqualTo(1);
            }
            long writes = walWrites(held) - before;
            assertThat(writes)
                    .as("WAL writes while the relay marked 40 batches of one row sent")
                    .isLessThan(20);
            try (var st = held.createStatement();
                    ResultSet rs = st.executeQuery("show synchronous_commit")) {
                rs.next();
                assertThat(rs.getString(1))
                        .as("the session keeps its own setting")
                        .isEqualTo("on");
                st.execute("reset synchronous_commit");
            }
        }
        assertThat(unsent()).isZero();
    }

    /** The server's WAL writes so far, with this session's own pending statistics flushed first. */
    private static long walWrites(Connection c) throws Exception {
        try (var st = c.createStatement()) {
            st.execute("select pg_stat_force_next_flush()");
            try (ResultSet rs = st.executeQuery("select wal_write from pg_stat_wal")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long holdersOfTheRelayLock() throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("select count(*) from pg_locks where locktype = 'advisory'"
                                + " and granted and ((classid::bigint << 32) | objid::bigint) = " + 0x5241505054L)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A relay whose batch is cut short (one row's acknowledgement fails, as after a broker freeze) marks every row Kafka
     * did acknowledge, before and after that row, and the next batch sends only what was not acknowledged.
     */
    @Test
    void aRelayInterruptedMidBatchReSendsOnlyTheUnacknowledgedRows() throws Exception {
        drain();
        String subject = UUID.randomUUID().toString();
        probe.publish(subject, 10, false);
        List<String> ids = unsentIds();
        assertThat(ids).hasSize(10);
        String lost = ids.get(3);

        FailingAck flaky = new FailingAck(Set.of(lost), Set.of());
        assertThatThrownBy(() -> new OutboxRelay(dataSource, flaky, 50).publishBatch())
                .isInstanceOf(OutboxPublishException.class);
        assertThat(unsentIds()).as("only the unacknowledged row stays unsent").containsExactly(lost);

        MockProducer<String, byte[]> up =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        assertThat(new OutboxRelay(dataSource, up, 50).publishBatch()).isEqualTo(1);
        assertThat(up.history()).extracting(r -> header(r, CloudEvents.ID)).containsExactly(lost);
        assertThat(unsentIds()).isEmpty();
    }

    @Test
    void aRowWhoseAcknowledgementNeverArrivesIsTheOnlyOneLeftAfterTheAckTimeout() throws Exception {
        drain();
        String subject = UUID.randomUUID().toString();
        probe.publish(subject, 6, false);
        List<String> ids = unsentIds();
        String hanging = ids.get(1);

        FailingAck frozen = new FailingAck(Set.of(), Set.of(hanging));
        assertThatThrownBy(() -> new OutboxRelay(dataSource, frozen, 50, Duration.ofMillis(500)).publishBatch())
                .isInstanceOf(OutboxPublishException.class);
        assertThat(unsentIds()).containsExactly(hanging);
        drain();
    }

    /** Acknowledges every record but those it fails at once ({@code fail}) or never answers ({@code hang}). */
    private static final class FailingAck extends MockProducer<String, byte[]> {
        private final Set<String> fail;
        private final Set<String> hang;

        FailingAck(Set<String> fail, Set<String> hang) {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
            this.fail = fail;
            this.hang = hang;
        }

        @Override
        public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
                org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record,
                org.apache.kafka.clients.producer.Callback callback) {
            String id = header(record, CloudEvents.ID);
            if (hang.contains(id)) {
                return new java.util.concurrent.CompletableFuture<>();
            }
            if (fail.contains(id)) {
                Exception e = new org.apache.kafka.common.errors.TimeoutException("expired before the ack arrived");
                if (callback != null) {
                    callback.onCompletion(null, e);
                }
                return java.util.concurrent.CompletableFuture.failedFuture(e);
            }
            return super.send(record, callback);
        }
    }

    private static String header(org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private void drain() throws Exception {
        MockProducer<String, byte[]> sink =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        while (new OutboxRelay(dataSource, sink, 500).publishBatch() > 0) {
            // earlier tests' rows
        }
    }

    private List<String> unsentIds() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("select id from rapport_outbox where sent_at is null order by seq")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private long unsent() throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet rs =
                        c.createStatement().executeQuery("select count(*) from rapport_outbox where sent_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> distinctIds(List<ConsumerRecord<String, String>> records, String subject) {
        Set<String> ids = new LinkedHashSet<>();
        records.stream()
                .filter(r -> subject.equals(r.key()))
                .forEach(r -> ids.add(TestKafka.header(r, CloudEvents.ID)));
        return ids;
    }

    /** The probe payload's occurredAt is the event's position (0..99) within its transaction. */
    private static List<Long> firstOccurrenceOrder(List<ConsumerRecord<String, String>> records, String subject) {
        Set<String> seen = new LinkedHashSet<>();
        List<Long> positions = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            if (subject.equals(r.key()) && seen.add(TestKafka.header(r, CloudEvents.ID))) {
                String at = r.value().replaceAll(".*\"occurredAt\":\"([^\"]+)\".*", "$1");
                positions.add(java.time.Instant.parse(at).getEpochSecond());
            }
        }
        return positions;
    }
}
