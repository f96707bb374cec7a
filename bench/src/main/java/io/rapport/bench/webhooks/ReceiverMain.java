package io.rapport.bench.webhooks;

import io.rapport.devstack.ProjectDirs;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local webhook receiver that {@code ./crm demo} starts in the background ({@code ./crm down} stops it):
 * {@code --port 8099 --bind 127.0.0.1 --dir .rapport/webhooks}. Prints {@code WEBHOOK RECEIVER READY <url>} once it
 * listens. See {@link WebhookReceiver}.
 */
public final class ReceiverMain {
    public static final int DEFAULT_PORT = 8099;

    private ReceiverMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int port = Integer.parseInt(opts.getOrDefault("port", Integer.toString(DEFAULT_PORT)));
        String bind = opts.getOrDefault("bind", "127.0.0.1");
        Path dir = opts.containsKey("dir")
                ? Path.of(opts.get("dir"))
                : ProjectDirs.rapportDir().resolve("webhooks");
        WebhookReceiver receiver =
                new WebhookReceiver(dir, new InetSocketAddress(bind, port), Clock.systemUTC()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            receiver.close();
            stopped.countDown();
        }));
        System.out.printf(
                "WEBHOOK RECEIVER READY http://%s:%d/ (secrets and received events in %s)%n",
                bind, receiver.port(), dir.toAbsolutePath());
        System.out.flush();
        stopped.await();
    }
}
