package io.rapport.gateway.console;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The console's answers say {@code Referrer-Policy: same-origin} instead of the API's {@code no-referrer}: under
 * no-referrer a browser sends {@code Origin: null} with a form post, which the CORS filter refuses (403), so no console
 * form (sign-in, complete, reschedule, sign-out) could be posted. same-origin still sends nothing to another site.
 */
@ApplicationScoped
public class ConsoleReferrerPolicy {
    void install(@Observes Router router) {
        router.route("/console*").order(Integer.MIN_VALUE + 10).handler(ConsoleReferrerPolicy::sameOrigin);
    }

    static void sameOrigin(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set("Referrer-Policy", "same-origin"));
        ctx.next();
    }
}
