package io.rapport.engagement.outreach;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The unsubscribe link, answered WITHOUT a login (the person clicking has none; the signed token is the proof), so it
 * is a plain HTTP route beside the API rather than a resource behind the service-token filter:
 * <ul>
 * <li>{@code POST /unsubscribe/{token}}: withdraws the channel's consent. A mail client's RFC 8058 one-click POST
 * (body {@code List-Unsubscribe=One-Click}) is method ONE_CLICK, the confirm button of the page is LINK. 200 page.</li>
 * <li>{@code GET /unsubscribe/{token}}: a page with a confirm button (a GET changes nothing: link scanners follow
 * links).</li>
 * </ul>
 * An invalid token answers 404 and changes nothing. Documented in META-INF/openapi.yaml.
 */
@ApplicationScoped
public class UnsubscribeRoutes {
    private final UnsubscribeService service;

    public UnsubscribeRoutes(UnsubscribeService service) {
        this.service = service;
    }

    void routes(@Observes Router router) {
        router.get("/unsubscribe/:token").blockingHandler(this::page, false);
        router.post("/unsubscribe/:token")
                .handler(BodyHandler.create().setBodyLimit(4096))
                .blockingHandler(this::apply, false);
    }

    private void page(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        if (service.check(token).isEmpty()) {
            invalid(ctx);
            return;
        }
        html(
                ctx,
                200,
                "<h1>Unsubscribe</h1><p>Stop receiving these messages?</p><form method=post><input type=hidden "
                        + "name=confirm value=yes><button type=submit>Unsubscribe</button></form>");
    }

    private void apply(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null
                && !type.startsWith("application/x-www-form-urlencoded")
                && !type.startsWith("multipart/form-data")
                && !type.startsWith("text/plain")) {
            problem(
                    ctx,
                    400,
                    "validation",
                    "Invalid request",
                    "the body must be a form (application/x-www-form-urlencoded)");
            return;
        }
        String body = ctx.body() == null || ctx.body().asString() == null
                ? ""
                : ctx.body().asString();
        String method = body.contains("List-Unsubscribe=One-Click") ? "ONE_CLICK" : "LINK";
        switch (service.unsubscribe(ctx.pathParam("token"), method)) {
            case INVALID -> invalid(ctx);
            case ALREADY -> html(ctx, 200, "<h1>You are unsubscribed</h1><p>You had already unsubscribed.</p>");
            case WITHDRAWN ->
                html(ctx, 200, "<h1>You are unsubscribed</h1><p>You will not receive these messages any more.</p>");
        }
    }

    private static void invalid(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("json")) {
            problem(ctx, 404, "not-found", "Not found", "this unsubscribe link is not valid; nothing was changed");
        } else {
            html(ctx, 404, "<h1>This link is not valid</h1><p>Nothing was changed.</p>");
        }
    }

    private static void problem(RoutingContext ctx, int status, String slug, String title, String detail) {
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(new io.vertx.core.json.JsonObject()
                        .put("type", "https://rapport.dev/problems/" + slug)
                        .put("title", title)
                        .put("status", status)
                        .put("detail", detail)
                        .put("instance", "/unsubscribe")
                        .encode());
    }

    private static void html(RoutingContext ctx, int status, String body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end("<!doctype html><meta charset=utf-8><title>Rapport</title>" + body);
    }
}
