package io.rapport.gateway.console;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.rapport.gateway.domain.AccessPolicy;
import io.rapport.gateway.domain.Caller;
import io.rapport.gateway.domain.RouteGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The console's pages, which roles open each (checked on the server before any data is fetched), and the frame every
 * page is rendered in (navigation to the pages the caller may open, who is signed in, the form token).
 */
@ApplicationScoped
public class ConsolePage {
    public enum Kind {
        OVERVIEW("overview", "Overview"),
        SEGMENTS("segments", "Segments"),
        AGENDA("agenda", "Agenda"),
        CUSTOMER("customers", "Customer"),
        LOYALTY("loyalty", "Loyalty"),
        HEALTH("health", "Health");

        final String path;
        final String label;

        Kind(String path, String label) {
            this.path = path;
            this.label = label;
        }
    }

    /** Who is signed in, for the frame. */
    @TemplateData
    public record Frame(String title, String user, String roles, String csrf, List<Views.NavItem> nav) {}

    private final Engine engine;

    public ConsolePage(Engine engine) {
        this.engine = engine;
    }

    /** Whether {@code caller}'s roles open {@code kind}: the same matrix as the API routes behind the page. */
    public static boolean allows(Kind kind, Caller caller) {
        return switch (kind) {
            case OVERVIEW, SEGMENTS -> AccessPolicy.mayRead(RouteGroup.SEGMENTS, caller);
            case AGENDA ->
                caller.roles().contains(AccessPolicy.ADMIN) || caller.roles().contains(AccessPolicy.SALES);
            case CUSTOMER -> AccessPolicy.mayRead(RouteGroup.CUSTOMERS, caller);
            case LOYALTY -> AccessPolicy.mayRead(RouteGroup.LOYALTY, caller);
            case HEALTH -> AccessPolicy.mayRead(RouteGroup.ADMIN, caller);
        };
    }

    /** The first page the caller may open (where sign-in leads), or null. */
    public static Kind home(Caller caller) {
        for (Kind kind : Kind.values()) {
            if (allows(kind, caller)) {
                return kind;
            }
        }
        return null;
    }

    public Frame frame(Kind current, String title, Caller caller, String token) {
        List<Views.NavItem> nav = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (allows(kind, caller)) {
                nav.add(new Views.NavItem("/console/" + kind.path, kind.label, kind == current));
            }
        }
        return new Frame(
                title,
                caller.id(),
                String.join(", ", caller.roles().stream().sorted().toList()),
                ConsoleSession.csrf(token),
                nav);
    }

    public Response render(int status, String template, Map<String, Object> data) {
        TemplateInstance instance = engine.getTemplate("console/" + template).instance();
        data.forEach(instance::data);
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(instance.render())
                .header("Cache-Control", "no-store")
                .build();
    }

    public Response forbidden(Caller caller, String token, String what) {
        return render(
                403, "forbidden.html", Map.of("frame", frame(null, "Not for your role", caller, token), "what", what));
    }
}
