package io.rapport.devstack;

import io.rapport.devstack.mail.LocalMailServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The infrastructure process of {@code ./crm up}: PostgreSQL and Kafka with their data kept under
 * {@code .rapport/}, one database per service, every topic created. Writes {@code .rapport/devstack.env}
 * with the addresses, prints {@code DEVSTACK READY}, and runs until it is stopped (SIGTERM / Ctrl-C).
 *
 * <p>Arguments: {@code --pg-port N --kafka-port N --databases a,b,c --state-dir DIR --control-port N
 * --smtp-port N}; the local SMTP server (default port 11025) keeps every mail, listed at {@code <control>/mail}. The state
 * directory (default {@code .rapport/}) holds the data and {@code devstack.env}; the control port (default: a free one)
 * serves {@link DevStackControl}, whose address {@code devstack.env} names as {@code RAPPORT_DEVSTACK_CONTROL}.
 */
public final class DevStackMain {
    private DevStackMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        int pgPort = Integer.parseInt(opts.getOrDefault("pg-port", "15432"));
        int kafkaPort = Integer.parseInt(opts.getOrDefault("kafka-port", "19092"));
        List<String> databases = List.of(opts.getOrDefault("databases", "customer,segmentation,engagement,loyalty")
                .split(","));
        Path dir = ProjectDirs.create(
                opts.containsKey("state-dir")
                        ? Path.of(opts.get("state-dir")).toAbsolutePath()
                        : ProjectDirs.rapportDir());
        int controlPort = Integer.parseInt(opts.getOrDefault("control-port", "0"));
        int smtpPort = Integer.parseInt(opts.getOrDefault("smtp-port", "11025"));

        DevStack stack = DevStack.start(dir, pgPort, kafkaPort, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.close();
                            stopped.countDown();
                        },
                        "devstack-shutdown"));
        LocalMailServer mail = LocalMailServer.start(smtpPort);
        Runtime.getRuntime().addShutdownHook(new Thread(mail::close, "devstack-mail-shutdown"));
        DevStackControl control = DevStackControl.start(stack, controlPort, mail);
        for (String db : databases) {
            stack.postgres().ensureDatabase(db.trim());
        }

        List<String> env = new ArrayList<>();
        env.add("RAPPORT_PG_URL_TEMPLATE=" + stack.postgres().jdbcUrl("%s"));
        env.add("RAPPORT_PG_USER=" + stack.postgres().username());
        env.add("RAPPORT_PG_PASSWORD=" + stack.postgres().password());
        env.add("RAPPORT_KAFKA=" + stack.kafkaBootstrap());
        env.add("RAPPORT_DEVSTACK_CONTROL=" + control.url());
        env.add("RAPPORT_SMTP_PORT=" + mail.port());
        env.add("RAPPORT_MAILBOX_URL=" + control.url() + "/mail");
        Files.write(dir.resolve("devstack.env"), env);
        System.out.println("DEVSTACK READY postgres=" + stack.postgres().jdbcUrl("<db>") + " kafka="
                + stack.kafkaBootstrap() + " smtp=127.0.0.1:" + mail.port() + " mailbox=" + control.url() + "/mail");
        System.out.flush();
        stopped.await();
    }

    private static Map<String, String> parse(String[] args) throws IOException {
        var map = new java.util.HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IOException("unexpected argument " + args[i]);
            }
            map.put(args[i].substring(2), args[i + 1]);
        }
        return map;
    }
}
