package io.rapport.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.gateway.console.ConsoleClient.Answer;
import io.rapport.gateway.console.ConsolePage.Kind;
import io.rapport.gateway.console.Views.Cell;
import io.rapport.gateway.console.Views.Column;
import io.rapport.gateway.console.Views.Fact;
import io.rapport.gateway.console.Views.Part;
import io.rapport.gateway.console.Views.Row;
import io.rapport.gateway.console.Views.Table;
import io.rapport.gateway.domain.AccessPolicy;
import io.rapport.gateway.domain.Caller;
import io.rapport.gateway.model.Customer360;
import io.rapport.gateway.proxy.GatewayKeys;
import io.rapport.gateway.service.Customer360Service;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The console's pages (server-rendered; htmx swaps parts of them). Every page first checks the session and the roles
 * that open it ({@link ConsolePage#allows}), then fetches its data from the services through {@link ConsoleClient} as
 * the signed-in user, so each service still applies its own rules (a rep's agenda, a rep's complaints).
 */
@Path("/console")
public class ConsoleResource {
    static final String COOKIE = ConsoleSession.COOKIE;
    private static final Pattern WORKSHEET =
            Pattern.compile("gold|cost-drivers|repeat-complainers|top-last-year|low-share-of-wallet|prospects");
    private static final Pattern SORT = Pattern.compile("[A-Za-z]{1,30}(,(asc|desc))?");
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    static final List<String> WORKSHEET_COLUMNS = List.of(
            "customerId",
            "abcClass",
            "valueClass",
            "netRevenue",
            "grossMargin",
            "costToServe",
            "profit",
            "purchases",
            "complaints",
            "wallet",
            "shareOfWallet",
            "potential",
            "previousRevenue",
            "change");

    private final ConsoleSession session;
    private final ConsolePage pages;
    private final ConsoleClient client;
    private final Customer360Service customer360;
    private final HealthProbe health;
    private final ObjectMapper json;
    private final Clock clock;

    public ConsoleResource(
            ConsoleSession session,
            ConsolePage pages,
            ConsoleClient client,
            Customer360Service customer360,
            HealthProbe health,
            ObjectMapper json,
            Clock clock) {
        this.clock = clock;
        this.session = session;
        this.pages = pages;
        this.client = client;
        this.customer360 = customer360;
        this.health = health;
        this.json = json;
    }

    /** A page body: the caller is signed in and allowed. */
    private interface Body {
        Future<Response> apply(Caller caller);
    }

    private CompletionStage<Response> page(String token, Kind kind, Body body) {
        var caller = session.caller(token);
        if (caller.isEmpty()) {
            return Future.succeededFuture(seeOther(session.signInPath())).toCompletionStage();
        }
        if (!ConsolePage.allows(kind, caller.get())) {
            return Future.succeededFuture(pages.forbidden(caller.get(), token, "the " + kind.label + " page"))
                    .toCompletionStage();
        }
        return body.apply(caller.get()).toCompletionStage();
    }

    static Response seeOther(String location) {
        return Response.seeOther(URI.create(location))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    public Response root(@CookieParam(COOKIE) String token) {
        return session.caller(token)
                .map(c -> {
                    Kind home = ConsolePage.home(c);
                    return home == null
                            ? pages.forbidden(c, token, "any console page")
                            : seeOther("/console/" + home.path);
                })
                .orElse(seeOther(session.signInPath()));
    }

    // ---------------------------------------------------------------- overview

    @GET
    @Path("overview")
    public CompletionStage<Response> overview(@CookieParam(COOKIE) String token, @Context RoutingContext ctx) {
        return page(token, Kind.OVERVIEW, caller -> {
            String rid = ctx.get(GatewayKeys.REQUEST_ID);
            Future<Answer> abc = client.get(caller, "/api/v1/segments/runs?scheme=ABC&size=2", rid);
            Future<Answer> value = client.get(caller, "/api/v1/segments/runs?scheme=VALUE&size=2", rid);
            Future<Answer> complaints = client.get(caller, "/api/v1/engagement/complaints?size=200&sort=dueAt", rid);
            Future<Answer> points = client.get(caller, PointsReport.PATH, rid);
            return Future.join(abc, value, complaints, points).transform(done -> {
                Map<String, Object> data = new HashMap<>();
                data.put("frame", pages.frame(Kind.OVERVIEW, "Overview", caller, token));
                data.put("abc", runPart("A/B/C classes", abc.result()));
                data.put("value", runPart("MVC/MGC/BZ classes", value.result()));
                data.put("complaints", complaintPart(complaints.result(), clock.instant()));
                data.put("pareto", paretoJson(abc.result()));
                data.put("points", PointsReport.liability(points.result()));
                data.put("liabilityChart", PointsReport.liabilityChart(points.result(), json));
                return Future.succeededFuture(pages.render(200, "overview.html", data));
            });
        });
    }

    /** Customers, revenue, concentration and the mix of the latest run with the change since the run before. */
    static Part runPart(String title, Answer answer) {
        if (!answer.ok()) {
            return unavailable(title, answer);
        }
        JsonNode items = answer.body().path("items");
        if (items.size() == 0) {
            return new Part(title, "EMPTY", "no classification run yet", List.of(), List.of());
        }
        JsonNode latest = items.get(0);
        JsonNode previous = items.size() > 1 ? items.get(1) : null;
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Customers", latest.path("customers").asText(), null));
        BigDecimal revenue = BigDecimal.ZERO;
        for (JsonNode c : latest.path("classes")) {
            revenue = revenue.add(new BigDecimal(c.path("revenue").asText("0")));
        }
        facts.add(new Fact(
                "Revenue", revenue.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(), null));
        if (latest.hasNonNull("concentration")) {
            facts.add(new Fact(
                    "Top 20% hold", percent(latest.path("concentration").decimalValue()), null));
        }
        facts.add(new Fact(
                "Run",
                latest.path("completedAt").asText() + " (policy v"
                        + latest.path("policyVersion").asText() + ")",
                null));
        List<Row> rows = new ArrayList<>();
        latest.path("counts").fields().forEachRemaining(e -> {
            long now = e.getValue().asLong();
            String delta = previous == null
                    ? ""
                    : signed(now - previous.path("counts").path(e.getKey()).asLong());
            String level = "";
            for (JsonNode c : latest.path("classes")) {
                if (c.path("label").asText().equals(e.getKey())) {
                    level = c.path("recommendedLevel").asText("");
                }
            }
            rows.add(
                    new Row(List.of(Cell.of(e.getKey()), Cell.of(Long.toString(now)), Cell.of(delta), Cell.of(level))));
        });
        Table mix = new Table(
                null,
                "Customers per class",
                List.of(
                        Column.of("Class"),
                        Column.of("Customers"),
                        Column.of("Change since the last run"),
                        Column.of("Recommended relationship")),
                rows,
                "no classes",
                null);
        return new Part(title, "OK", null, facts, List.of(mix));
    }

    /** The chart's data as JSON for the page's data attribute: the 101 points and the class cut-offs. */
    String paretoJson(Answer abc) {
        if (!abc.ok() || abc.body().path("items").size() == 0) {
            return null;
        }
        JsonNode latest = abc.body().path("items").get(0);
        List<BigDecimal> pareto = new ArrayList<>();
        latest.path("pareto").forEach(p -> pareto.add(p.decimalValue()));
        Map<String, Long> counts = new LinkedHashMap<>();
        latest.path("counts")
                .fields()
                .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        try {
            return json.writeValueAsString(ParetoCurve.of(pareto, counts));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Open complaints by SLA state, from the first 200 by due time (the queue's total is exact). */
    static Part complaintPart(Answer answer, Instant now) {
        String title = "Open complaints by SLA state";
        if (answer.status() == 403) {
            return new Part(title, "NOT_PERMITTED", "your roles do not read complaints", List.of(), List.of());
        }
        if (!answer.ok()) {
            return unavailable(title, answer);
        }
        long breached = 0;
        long dueToday = 0;
        long escalated = 0;
        long onTrack = 0;
        for (JsonNode c : answer.body().path("items")) {
            Instant due = c.hasNonNull("dueAt") ? Instant.parse(c.get("dueAt").asText()) : null;
            if (c.path("escalated").asBoolean()) {
                escalated++;
            }
            if (due != null && due.isBefore(now)) {
                breached++;
            } else if (due != null && due.isBefore(now.plus(1, ChronoUnit.DAYS))) {
                dueToday++;
            } else {
                onTrack++;
            }
        }
        return new Part(
                title,
                "OK",
                null,
                List.of(
                        new Fact("Open", answer.body().path("total").asText(), null),
                        new Fact("SLA breached", Long.toString(breached), breached > 0 ? "bad" : "ok"),
                        new Fact("Due within 24 h", Long.toString(dueToday), dueToday > 0 ? "warn" : "ok"),
                        new Fact("Within SLA", Long.toString(onTrack), "ok"),
                        new Fact("Escalated", Long.toString(escalated), escalated > 0 ? "warn" : "ok")),
                List.of());
    }

    // ---------------------------------------------------------------- segments

    @GET
    @Path("segments")
    public CompletionStage<Response> segments(
            @CookieParam(COOKIE) String token,
            @QueryParam("list") String list,
            @QueryParam("sort") String sort,
            @Context RoutingContext ctx) {
        return page(token, Kind.SEGMENTS, caller -> {
            String name = list == null || !WORKSHEET.matcher(list).matches() ? "gold" : list;
            String order = sort == null || !SORT.matcher(sort).matches() ? null : sort;
            String rid = ctx.get(GatewayKeys.REQUEST_ID);
            Future<Answer> rows = client.get(caller, worksheetPath(name, order, 100), rid);
            Future<Answer> levels = client.get(caller, "/api/v1/segments/levels?scheme=ABC", rid);
            return Future.join(rows, levels).transform(done -> {
                Map<String, Object> data = new HashMap<>();
                data.put("frame", pages.frame(Kind.SEGMENTS, "Segments", caller, token));
                data.put(
                        "lists",
                        List.of(
                                "gold",
                                "cost-drivers",
                                "repeat-complainers",
                                "top-last-year",
                                "low-share-of-wallet",
                                "prospects"));
                data.put("list", name);
                data.put("worksheet", worksheetPart(name, order, rows.result()));
                data.put(
                        "levels",
                        levels.result().ok()
                                ? new Part(
                                        "Relationship level per A/B/C class",
                                        "OK",
                                        null,
                                        List.of(),
                                        List.of(Views.table(
                                                null,
                                                "Kotler's matrix on the latest run",
                                                levels.result().body().path("classes"),
                                                "no classes")))
                                : unavailable("Relationship level per A/B/C class", levels.result()));
                return Future.succeededFuture(pages.render(200, "segments.html", data));
            });
        });
    }

    static String worksheetPath(String name, String sort, int size) {
        return "/api/v1/segments/worksheet/" + name + "?size=" + size
                + (sort == null ? "" : "&sort=" + URLEncoder.encode(sort, StandardCharsets.UTF_8));
    }

    static Part worksheetPart(String name, String sort, Answer answer) {
        String title = Views.label(name.replace("-", " "));
        if (!answer.ok()) {
            return unavailable(title, answer);
        }
        String field = sort == null ? null : sort.split(",")[0];
        boolean desc = sort != null && sort.endsWith(",desc");
        List<Column> columns = WORKSHEET_COLUMNS.stream()
                .map(c -> {
                    boolean current = c.equals(field);
                    String next = c + "," + (current && desc ? "asc" : "desc");
                    return new Column(
                            Views.label(c),
                            "/console/segments?list=" + name + "&sort=" + next,
                            current ? (desc ? "descending" : "ascending") : "none");
                })
                .toList();
        List<Row> rows = new ArrayList<>();
        for (JsonNode item : answer.body().path("items")) {
            rows.add(new Row(WORKSHEET_COLUMNS.stream()
                    .map(c -> Views.cell(c, item.get(c)))
                    .toList()));
        }
        Table table = new Table(
                "worksheet-table",
                title + " (" + answer.body().path("total").asText("0") + " customers, first " + rows.size() + " shown)",
                columns,
                rows,
                "no customers on this list",
                "/console/segments/" + name + ".csv" + (sort == null ? "" : "?sort=" + sort));
        return new Part(title, "OK", null, List.of(), List.of(table));
    }

    @GET
    @Path("segments/{list}.csv")
    @Produces("text/csv")
    public CompletionStage<Response> worksheetCsv(
            @CookieParam(COOKIE) String token,
            @PathParam("list") String list,
            @QueryParam("sort") String sort,
            @Context RoutingContext ctx) {
        return page(token, Kind.SEGMENTS, caller -> {
            if (!WORKSHEET.matcher(list).matches()) {
                return Future.succeededFuture(Response.status(404).build());
            }
            String order = sort == null || !SORT.matcher(sort).matches() ? null : sort;
            return client.get(caller, worksheetPath(list, order, 200), ctx.get(GatewayKeys.REQUEST_ID))
                    .map(answer -> {
                        if (!answer.ok()) {
                            return Response.status(answer.status() == 0 ? 503 : answer.status())
                                    .type(MediaType.TEXT_PLAIN)
                                    .entity(answer.problem())
                                    .build();
                        }
                        StringBuilder csv = new StringBuilder(String.join(",", WORKSHEET_COLUMNS)).append("\r\n");
                        for (JsonNode item : answer.body().path("items")) {
                            csv.append(String.join(
                                            ",",
                                            WORKSHEET_COLUMNS.stream()
                                                    .map(c -> Csv.field(Views.text(item.get(c))))
                                                    .toList()))
                                    .append("\r\n");
                        }
                        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                                .header("Content-Disposition", "attachment; filename=\"" + list + ".csv\"")
                                .build();
                    });
        });
    }

    // ---------------------------------------------------------------- agenda

    @GET
    @Path("agenda")
    public CompletionStage<Response> agenda(
            @CookieParam(COOKIE) String token,
            @QueryParam("assignee") String assignee,
            @QueryParam("message") String message,
            @Context RoutingContext ctx) {
        return page(token, Kind.AGENDA, caller -> {
            boolean manager = caller.roles().contains(AccessPolicy.ADMIN);
            String rep =
                    manager && assignee != null && SUBJECT.matcher(assignee).matches() ? assignee : caller.id();
            String rid = ctx.get(GatewayKeys.REQUEST_ID);
            return client.get(
                            caller,
                            "/api/v1/engagement/contacts/agenda?size=100&assignee="
                                    + URLEncoder.encode(rep, StandardCharsets.UTF_8),
                            rid)
                    .compose(answer -> {
                        // one batch read of the contact pressure for every customer on the page
                        Map<String, Object> ids = answer.ok() ? ContactPressure.request(answer) : null;
                        Future<Answer> pressure = ids == null
                                ? Future.succeededFuture(null)
                                : client.post(caller, ContactPressure.PATH, ids, null, rid);
                        return pressure.map(p -> {
                            Map<String, Object> data = new HashMap<>();
                            data.put("frame", pages.frame(Kind.AGENDA, "Agenda", caller, token));
                            data.put("rep", rep);
                            data.put("manager", manager);
                            data.put("message", message != null && message.length() < 200 ? message : null);
                            data.put("agenda", agendaPart(rep, answer, p, clock.instant()));
                            return pages.render(answer.status() == 403 ? 403 : 200, "agenda.html", data);
                        });
                    });
        });
    }

    /** The agenda table; {@code pressure} is the batch answer of {@link ContactPressure} (null: not asked). */
    static Part agendaPart(String rep, Answer answer, Answer pressure, Instant now) {
        String title = "Due and overdue contacts of " + rep;
        if (!answer.ok()) {
            return unavailable(title, answer);
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode c : answer.body().path("items")) {
            String due = c.path("dueAt").asText();
            boolean overdue = !due.isEmpty() && Instant.parse(due).isBefore(now);
            rows.add(new Row(
                    List.of(
                            Views.cell("customerId", c.get("customerId")),
                            Cell.of(c.path("purpose").asText()),
                            Cell.of(c.path("channel").asText()),
                            Cell.of(due + (overdue ? " (overdue)" : "")),
                            Cell.of(c.path("customerValue").asText("")),
                            Cell.of(c.path("state").asText()),
                            Cell.of(c.path("pausedReason").asText("")),
                            Cell.of(ContactPressure.text(
                                    pressure, c.path("customerId").asText("")))),
                    c.path("id").asText(),
                    c.path("version").asText()));
        }
        Table table = new Table(
                "agenda-table",
                title + " (" + answer.body().path("total").asText("0") + ")",
                List.of(
                        Column.of("Customer"),
                        Column.of("Purpose"),
                        Column.of("Channel"),
                        Column.of("Due"),
                        Column.of("Customer value"),
                        Column.of("State"),
                        Column.of("Paused because"),
                        Column.of("Contact pressure")),
                rows,
                "nothing due: the agenda is clear",
                null);
        return new Part(title, "OK", null, List.of(), List.of(table));
    }

    @POST
    @Path("agenda/{id}/complete")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public CompletionStage<Response> complete(
            @CookieParam(COOKIE) String token,
            @PathParam("id") String id,
            @FormParam("version") String version,
            @FormParam("outcome") String outcome,
            @FormParam("notes") String notes,
            @FormParam("csrf") String csrf,
            @FormParam("assignee") String assignee,
            @Context RoutingContext ctx) {
        return action(token, csrf, id, version, assignee, ctx, caller -> {
            String text = outcome == null || outcome.isBlank() ? "REACHED" : outcome.trim();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("outcome", text.length() > 100 ? text.substring(0, 100) : text);
            if (notes != null && !notes.isBlank()) {
                body.put("notes", notes.length() > 4000 ? notes.substring(0, 4000) : notes);
            }
            return new Object[] {"complete", body, "completed"};
        });
    }

    @POST
    @Path("agenda/{id}/reschedule")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public CompletionStage<Response> reschedule(
            @CookieParam(COOKIE) String token,
            @PathParam("id") String id,
            @FormParam("version") String version,
            @FormParam("dueAt") String dueAt,
            @FormParam("csrf") String csrf,
            @FormParam("assignee") String assignee,
            @Context RoutingContext ctx) {
        return action(token, csrf, id, version, assignee, ctx, caller -> {
            if (dueAt == null) {
                return null;
            }
            Instant due;
            try {
                due = LocalDateTime.parse(dueAt).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
            return new Object[] {"reschedule", Map.of("dueAt", due.toString()), "rescheduled to " + due};
        });
    }

    /** A contact action: session, role and form token checked, then POSTed to engagement as the user, who decides. */
    private CompletionStage<Response> action(
            String token,
            String csrf,
            String id,
            String version,
            String assignee,
            RoutingContext ctx,
            Function<Caller, Object[]> what) {
        return page(token, Kind.AGENDA, caller -> {
            if (token == null || !ConsoleSession.csrfMatches(token, csrf)) {
                return Future.succeededFuture(
                        pages.forbidden(caller, token, "this form (it is stale: reload the page)"));
            }
            String back = "/console/agenda"
                    + (assignee != null && SUBJECT.matcher(assignee).matches() ? "?assignee=" + assignee + "&" : "?")
                    + "message=";
            UUID contact;
            try {
                contact = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                return Future.succeededFuture(seeOther(back + enc("no such contact")));
            }
            Object[] call = what.apply(caller);
            if (call == null) {
                return Future.succeededFuture(seeOther(back + enc("the new time is not a date and time")));
            }
            String ifMatch = version != null && version.matches("\\d{1,18}") ? "\"" + version + "\"" : null;
            return client.post(
                            caller,
                            "/api/v1/engagement/contacts/" + contact + "/" + call[0],
                            call[1],
                            ifMatch,
                            ctx.get(GatewayKeys.REQUEST_ID))
                    .map(answer ->
                            seeOther(back + enc(answer.ok() ? "Contact " + call[2] : "Not done: " + answer.problem())));
        });
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- customer

    @GET
    @Path("customers")
    public CompletionStage<Response> findCustomer(@CookieParam(COOKIE) String token, @QueryParam("id") String id) {
        return page(token, Kind.CUSTOMER, caller -> {
            Map<String, Object> data = new HashMap<>();
            data.put("frame", pages.frame(Kind.CUSTOMER, "Customer", caller, token));
            data.put("error", null);
            if (id != null && !id.isBlank()) {
                try {
                    return Future.succeededFuture(seeOther("/console/customers/" + UUID.fromString(id.trim())));
                } catch (IllegalArgumentException e) {
                    data.put("error", "a customer id is a UUID like 3f0c6f1e-9a52-4c3b-8d0a-2f7e5b1c9d44");
                }
            }
            return Future.succeededFuture(pages.render(id == null ? 200 : 400, "customer-find.html", data));
        });
    }

    @GET
    @Path("customers/{id}")
    public CompletionStage<Response> customer(
            @CookieParam(COOKIE) String token, @PathParam("id") String id, @Context RoutingContext ctx) {
        return page(token, Kind.CUSTOMER, caller -> {
            UUID customerId;
            try {
                customerId = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                return Future.succeededFuture(seeOther("/console/customers?id=" + enc(id)));
            }
            return customer360
                    .compose(customerId, caller, ctx.get(GatewayKeys.REQUEST_ID), ctx.get(GatewayKeys.TRACEPARENT))
                    .map(view -> {
                        Map<String, Object> data = new HashMap<>();
                        data.put("frame", pages.frame(Kind.CUSTOMER, "Customer " + customerId, caller, token));
                        data.put("customerId", customerId.toString());
                        data.put("complete", view.complete());
                        data.put("found", view.profile().status() != Customer360.Status.NOT_FOUND);
                        data.put(
                                "parts",
                                List.of(
                                        part("Profile and consent", view.profile()),
                                        part("Classes and their explanation", view.classes()),
                                        part("Contacts and complaints", view.engagement()),
                                        part("Membership and points", view.loyalty()),
                                        part("Preference changes", view.preferenceHistory())));
                        return pages.render(
                                view.profile().status() == Customer360.Status.NOT_FOUND ? 404 : 200,
                                "customer.html",
                                data);
                    });
        });
    }

    private Part part(String title, Customer360.Part part) {
        if (part.status() != Customer360.Status.OK || part.data() == null) {
            return new Part(title, part.status().name(), part.detail(), List.of(), List.of());
        }
        Part p = Views.part(title, json.valueToTree(part.data()));
        return p;
    }

    // ---------------------------------------------------------------- loyalty

    @GET
    @Path("loyalty")
    public CompletionStage<Response> loyalty(
            @CookieParam(COOKIE) String token, @QueryParam("programme") String programme, @Context RoutingContext ctx) {
        return page(token, Kind.LOYALTY, caller -> {
            String rid = ctx.get(GatewayKeys.REQUEST_ID);
            Future<Answer> programmes = client.get(caller, "/api/v1/loyalty/programmes?size=20", rid);
            Future<Answer> partners = client.get(caller, "/api/v1/loyalty/partners", rid);
            Future<Answer> report = client.get(caller, PointsReport.PATH, rid);
            return Future.join(programmes, partners, report).transform(done -> {
                Answer p = partners.result();
                Future<List<Answer>> settlements =
                        p.ok() ? settlements(caller, p.body(), rid) : Future.succeededFuture(List.of());
                return settlements.map(list -> {
                    Map<String, Object> data = new HashMap<>();
                    data.put("frame", pages.frame(Kind.LOYALTY, "Loyalty", caller, token));
                    data.put("programmes", programmeParts(programmes.result()));
                    data.put("settlements", settlementPart(p, list));
                    data.put("report", PointsReport.programmes(report.result()));
                    // the charts show one programme at a time; the selector lists every programme of the report
                    String chosen = programme == null || programme.length() > 64 ? null : programme;
                    List<PointsReport.Choice> choices = PointsReport.choices(report.result(), chosen);
                    data.put("choices", choices.size() > 1 ? choices : List.of());
                    data.put(
                            "chartProgramme",
                            choices.stream()
                                    .filter(PointsReport.Choice::selected)
                                    .map(PointsReport.Choice::name)
                                    .findFirst()
                                    .orElse(""));
                    data.put("tierChart", PointsReport.tierChart(report.result(), chosen, json));
                    data.put("monthsChart", PointsReport.monthsChart(report.result(), chosen, json));
                    return pages.render(200, "loyalty.html", data);
                });
            });
        });
    }

    private Future<List<Answer>> settlements(Caller caller, JsonNode partners, String rid) {
        Instant to = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        Instant from = to.minus(30, ChronoUnit.DAYS);
        List<Future<Answer>> calls = new ArrayList<>();
        int n = 0;
        for (JsonNode partner : partners) {
            if (n++ == 20) {
                break;
            }
            calls.add(client.get(
                    caller,
                    "/api/v1/loyalty/partners/" + enc(partner.path("id").asText()) + "/settlement?from=" + from + "&to="
                            + to,
                    rid));
        }
        return Future.join(List.copyOf(calls))
                .transform(done -> Future.succeededFuture(
                        calls.stream().map(Future::result).toList()));
    }

    static List<Part> programmeParts(Answer answer) {
        if (!answer.ok()) {
            return List.of(unavailable("Programmes", answer));
        }
        List<Part> parts = new ArrayList<>();
        for (JsonNode p : answer.body().path("items")) {
            List<Fact> facts = List.of(
                    new Fact("Code", p.path("code").asText(), null),
                    new Fact("Currency", p.path("currency").asText(), null),
                    new Fact("Points per unit", p.path("pointsPerUnit").asText(), null));
            parts.add(new Part(
                    p.path("name").asText(),
                    "OK",
                    null,
                    facts,
                    List.of(Views.table(null, "Tiers (lowest first)", p.path("tiers"), "no tiers"))));
        }
        if (parts.isEmpty()) {
            parts.add(new Part("Programmes", "EMPTY", "no loyalty programme yet", List.of(), List.of()));
        }
        return parts;
    }

    static Part settlementPart(Answer partners, List<Answer> settlements) {
        String title = "Partner settlements, last 30 days";
        if (partners.status() == 403) {
            return new Part(
                    title, "NOT_PERMITTED", "partner settlements are for marketing and admins", List.of(), List.of());
        }
        if (!partners.ok()) {
            return unavailable(title, partners);
        }
        var items = new ObjectMapper().createArrayNode();
        settlements.stream().filter(Answer::ok).forEach(a -> items.add(a.body()));
        return new Part(title, "OK", null, List.of(), List.of(Views.table("settlements", title, items, "no partners")));
    }

    // ---------------------------------------------------------------- health

    @GET
    @Path("health")
    public CompletionStage<Response> health(@CookieParam(COOKIE) String token, @Context RoutingContext ctx) {
        return page(
                token,
                Kind.HEALTH,
                caller -> health.check(caller, ctx.get(GatewayKeys.REQUEST_ID)).map(services -> {
                    Map<String, Object> data = new HashMap<>();
                    data.put("frame", pages.frame(Kind.HEALTH, "Health", caller, token));
                    data.put("services", services);
                    data.put("allUp", services.stream().allMatch(HealthProbe.ServiceHealth::up));
                    return pages.render(200, "health.html", data);
                }));
    }

    // ---------------------------------------------------------------- helpers

    static Part unavailable(String title, Answer answer) {
        if (answer.status() == 403) {
            return new Part(title, "NOT_PERMITTED", "the service refused this for your roles", List.of(), List.of());
        }
        return new Part(title, "UNAVAILABLE", answer.problem(), List.of(), List.of());
    }

    static String percent(BigDecimal share) {
        return share.movePointRight(2)
                        .setScale(1, java.math.RoundingMode.HALF_UP)
                        .toPlainString() + " %";
    }

    static String signed(long delta) {
        return delta > 0 ? "+" + delta : Long.toString(delta);
    }

    static final Set<String> ROLES = AccessPolicy.ROLES;
}
