package io.rapport.bench.faults;

import io.rapport.contracts.CloudEvents;
import io.rapport.contracts.Topics;
import io.rapport.contracts.customer.CustomerEvents;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** One fault the harness injects into a running stack; {@link #inject} returns when the fault is over. */
interface Fault {
    String name();

    /** Injects the fault and undoes it (restarts, unlocks, renames back); returns when the stack is whole again. */
    void inject(Stack stack) throws Exception;

    /** The event id of the poison record this fault produced, or null. */
    default String poisonEventId() {
        return null;
    }

    /** kill -9 of a service, then {@code ./crm start} of it (the way crm starts it), waiting until it is ready. */
    static Fault kill(String service) {
        return new Fault() {
            @Override
            public String name() {
                return "kill-" + service.replace("-service", "");
            }

            @Override
            public void inject(Stack stack) throws Exception {
                stack.kill9(service);
                Thread.sleep(1000);
                stack.start(service);
            }
        };
    }

    /** The broker down for {@code outage} (PostgreSQL and every service keep running), then back with its data. */
    static Fault kafkaOutage(Duration outage) {
        return new Fault() {
            @Override
            public String name() {
                return "kafka-outage-" + outage.toSeconds() + "s";
            }

            @Override
            public void inject(Stack stack) throws Exception {
                stack.control("/kafka/stop");
                try {
                    Thread.sleep(outage.toMillis());
                } finally {
                    stack.control("/kafka/start");
                }
            }
        };
    }

    /** PostgreSQL restarted: every connection terminated, new ones refused for {@code downtime}. */
    static Fault postgresRestart(Duration downtime) {
        return new Fault() {
            @Override
            public String name() {
                return "postgres-restart";
            }

            @Override
            public void inject(Stack stack) throws Exception {
                stack.control("/postgres/restart?downtime=" + downtime.toMillis() / 1000.0);
            }
        };
    }

    /** An ACCESS EXCLUSIVE lock on a consumer's table held for {@code hold} by a transaction of the harness. */
    static Fault tableLock(String database, String table, Duration hold) {
        return new Fault() {
            @Override
            public String name() {
                return "lock-" + database + "." + table;
            }

            @Override
            public void inject(Stack stack) throws Exception {
                try (Connection c = stack.database(database)) {
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement()) {
                        s.execute("lock table " + table + " in access exclusive mode");
                        Thread.sleep(hold.toMillis());
                    } finally {
                        c.rollback();
                    }
                }
            }
        };
    }

    /**
     * Statement errors on a consumer's table for {@code hold}: the table renamed away (every statement on it fails with
     * "relation does not exist") and back. A shutdown hook renames it back should the harness be stopped meanwhile.
     */
    static Fault statementErrors(String database, String table, Duration hold) {
        return new Fault() {
            @Override
            public String name() {
                return "stmt-errors-" + database + "." + table;
            }

            @Override
            public void inject(Stack stack) throws Exception {
                String away = table + "_faults_away";
                Thread undo = new Thread(() -> renameQuietly(stack, database, away, table), "faults-undo-rename");
                try (Connection c = stack.database(database);
                        Statement s = c.createStatement()) {
                    s.execute("set lock_timeout = '10s'");
                    s.execute("alter table " + table + " rename to " + away);
                    Runtime.getRuntime().addShutdownHook(undo);
                    try {
                        Thread.sleep(hold.toMillis());
                    } finally {
                        s.execute("set lock_timeout = 0");
                        s.execute("alter table " + away + " rename to " + table);
                        Runtime.getRuntime().removeShutdownHook(undo);
                    }
                }
            }
        };
    }

    /**
     * A service's database refusing connections for {@code hold} while the rest of the stack works: connections to it
     * are refused ({@code ALLOW_CONNECTIONS false}) and its open ones terminated (SQLSTATE 57P01), then it is allowed again.
     * A shutdown hook allows it again should the harness be stopped meanwhile.
     */
    static Fault databaseRefuses(String database, Duration hold) {
        return new Fault() {
            @Override
            public String name() {
                return "db-refuses-" + database;
            }

            @Override
            public void inject(Stack stack) throws Exception {
                Thread undo = new Thread(() -> allowQuietly(stack, database), "faults-undo-allow");
                try (Connection c = stack.database("postgres");
                        Statement s = c.createStatement()) {
                    s.execute("alter database " + database + " allow_connections false");
                    Runtime.getRuntime().addShutdownHook(undo);
                    try {
                        s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                                + "' and pid <> pg_backend_pid()");
                        Thread.sleep(hold.toMillis());
                    } finally {
                        s.execute("alter database " + database + " allow_connections true");
                        Runtime.getRuntime().removeShutdownHook(undo);
                    }
                }
            }
        };
    }

    private static void allowQuietly(Stack stack, String database) {
        try (Connection c = stack.database("postgres");
                Statement s = c.createStatement()) {
            s.execute("alter database " + database + " allow_connections true");
        } catch (Exception e) {
            System.err.println("faults: could not allow connections to " + database + " again: " + e.getMessage());
        }
    }

    private static void renameQuietly(Stack stack, String database, String from, String to) {
        try (Connection c = stack.database(database);
                Statement s = c.createStatement()) {
            s.execute("alter table if exists " + from + " rename to " + to);
        } catch (Exception e) {
            System.err.println(
                    "faults: could not rename " + database + "." + from + " back to " + to + ": " + e.getMessage());
        }
    }

    /**
     * A poison record: a {@code PurchaseRecorded} CloudEvent whose payload is not JSON, produced straight to
     * {@code customer.events}. Every consumer must set it aside (dead-letter it) and go on with the next records.
     */
    static Fault poison() {
        String eventId = "faults-poison-" + UUID.randomUUID();
        return new Fault() {
            @Override
            public String name() {
                return "poison-record";
            }

            @Override
            public String poisonEventId() {
                return eventId;
            }

            @Override
            public void inject(Stack stack) throws Exception {
                Properties p = new Properties();
                p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
                p.put(ProducerConfig.ACKS_CONFIG, "all");
                try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                    String subject = UUID.randomUUID().toString();
                    ProducerRecord<String, String> r =
                            new ProducerRecord<>(Topics.CUSTOMER, subject, "{\"purchaseId\": \"not-closed");
                    List<String[]> headers = new ArrayList<>();
                    headers.add(new String[] {CloudEvents.SPECVERSION, CloudEvents.SPEC_VERSION});
                    headers.add(new String[] {CloudEvents.ID, eventId});
                    headers.add(new String[] {CloudEvents.TYPE, CustomerEvents.PURCHASE_RECORDED.name()});
                    headers.add(new String[] {CloudEvents.SOURCE, "/rapport/faults"});
                    headers.add(new String[] {CloudEvents.SUBJECT, subject});
                    headers.add(new String[] {CloudEvents.TIME, Instant.now().toString()});
                    headers.add(new String[] {CloudEvents.CONTENT_TYPE, CloudEvents.JSON});
                    for (String[] h : headers) {
                        r.headers().add(h[0], h[1].getBytes(StandardCharsets.UTF_8));
                    }
                    producer.send(r).get();
                }
            }
        };
    }
}
