package io.rapport.gateway.console;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Every console answer (pages, htmx fragments, CSV, sign-in) carries {@code Server-Timing: app;dur=<ms>}: the time from
 * the request reaching the gateway's router to its headers being written, in milliseconds with one decimal. The
 * browser's developer tools show it beside the network time; {@code io.rapport.bench.console.ConsoleTiming} reads it
 * to compare each page with the 300 ms goal.
 */
@ApplicationScoped
public class ServerTiming {
    public static final String HEADER = "Server-Timing";

    void install(@Observes Router router) {
        router.route("/console*").order(Integer.MIN_VALUE + 5).handler(ServerTiming::measure);
    }

    static void measure(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HEADER, value(System.nanoTime() - start)));
        ctx.next();
    }

    /** The header's value for {@code nanos} of server time, e.g. {@code app;dur=12.3}. */
    static String value(long nanos) {
        return String.format(Locale.ROOT, "app;desc=\"server time\";dur=%.1f", nanos / 1_000_000.0);
    }
}
