package io.rapport.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.LargeBody;
import io.rapport.platform.rest.Problem;
import io.rapport.platform.rest.Problems;
import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * {@code Idempotency-Key} for every POST of every service (see {@link IdempotencyRules} for what is stored).
 *
 * <p>The request filter validates the key (400 {@code invalid-idempotency-key}), hashes the body and begins the
 * request's transaction: the service's {@code @Transactional} methods join it. Inside it, a transaction-scoped advisory
 * lock on (caller, key) is taken without waiting: a second request with the key while the first runs gets 409
 * {@code idempotency-in-progress} with {@code Retry-After}. A stored answer for (caller, key) is replayed with
 * {@code Idempotency-Replayed: true} when method, path and body hash match, else 422 {@code idempotency-key-reused}.
 *
 * <p>The response filter stores a 2xx answer (status, Location, ETag, Content-Type, body) in that same transaction
 * and commits it, so the record and the business write commit together or not at all: a create the gateway gave up
 * on (504) but that completed afterwards is replayed on the client's retry, never done twice. A non-2xx answer is
 * not stored; the transaction then commits or rolls back as the service's own transactions decided.
 *
 * <p>Not engaged for routes that declare {@code @HeaderParam("Idempotency-Key")} (they implement their own replay,
 * e.g. loyalty redemptions, customer entry) nor for {@link LargeBody} bulk imports (idempotent by themselves).
 */
public class IdempotencyFilter {
    static final String PENDING = IdempotencyFilter.class.getName() + ".pending";
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

    private final TransactionManager tm;
    private final IdempotencyStore store;
    private final ObjectMapper json;
    private final Caller caller;
    private final IdempotencyConfig config;

    public IdempotencyFilter(
            TransactionManager tm, IdempotencyStore store, ObjectMapper json, Caller caller, IdempotencyConfig config) {
        this.tm = tm;
        this.store = store;
        this.json = json;
        this.caller = caller;
        this.config = config;
    }

    /** A request whose answer is to be stored: who, which key, the request's fingerprint, its transaction. */
    record Pending(
            String subject, String key, String method, String path, String hash, Transaction tx, AtomicBoolean done) {
        /** True for the first caller only: the response filter or, when it was skipped, the completion callback. */
        boolean claim() {
            return done.compareAndSet(false, true);
        }
    }

    /** What the service answered, as stored. */
    record Answer(int status, Map<String, String> headers, byte[] body) {}

    @ServerRequestFilter(priority = Priorities.USER + 500)
    public Response begin(ContainerRequestContext ctx, ResourceInfo resource) throws Exception {
        if (!"POST".equalsIgnoreCase(ctx.getMethod())) {
            return null;
        }
        String key = ctx.getHeaderString(IdempotencyRules.HEADER);
        if (key == null || !engaged(resource)) {
            return null;
        }
        String instance = ctx.getUriInfo().getPath();
        String wrong = IdempotencyRules.keyProblem(key);
        if (wrong != null) {
            return Problems.response(
                    400,
                    "invalid-idempotency-key",
                    "Invalid request",
                    IdempotencyRules.HEADER + " " + wrong,
                    instance,
                    List.of(new Problem.FieldError(IdempotencyRules.HEADER, wrong)));
        }
        byte[] body = ctx.hasEntity() ? ctx.getEntityStream().readAllBytes() : new byte[0];
        ctx.setEntityStream(new ByteArrayInputStream(body));
        String query = ctx.getUriInfo().getRequestUri().getRawQuery();
        String path = query == null ? instance : instance + "?" + query;
        String subject = caller.subject();

        tm.begin();
        Transaction tx = tm.getTransaction();
        try {
            if (!store.tryLock(subject, key)) {
                tm.rollback();
                return Response.fromResponse(Problems.response(
                                409,
                                "idempotency-in-progress",
                                "Conflict",
                                "a request with this Idempotency-Key is still being processed; retry in a moment to get its answer",
                                instance,
                                null))
                        .header(HttpHeaders.RETRY_AFTER, "1")
                        .build();
            }
            Optional<IdempotencyStore.Stored> stored = store.find(subject, key);
            if (stored.isPresent()) {
                tm.rollback();
                IdempotencyStore.Stored s = stored.get();
                if (!s.method().equals(ctx.getMethod())
                        || !s.path().equals(path)
                        || !s.requestHash().equals(IdempotencyRules.sha256(body))) {
                    return Problems.response(
                            422,
                            "idempotency-key-reused",
                            "Unprocessable request",
                            "this Idempotency-Key was used for another request (other method, path or body);"
                                    + " use a new key for a new request",
                            instance,
                            null);
                }
                return replay(s);
            }
        } catch (RuntimeException e) {
            end(tx, false);
            throw e;
        }
        Pending pending = new Pending(
                subject, key, ctx.getMethod(), path, IdempotencyRules.sha256(body), tx, new AtomicBoolean());
        ctx.setProperty(PENDING, pending);
        // Quarkus REST skips the response filters of a request whose client hung up (e.g. the gateway after its 504);
        // the completion callback runs anyway, at the end of the request on the thread that ran it, and ends the
        // transaction from the resource method's result.
        ResteasyReactiveRequestContext current = CurrentRequestManager.get();
        current.registerCompletionCallback(failure -> {
            if (pending.claim()) {
                completeWithoutResponse(pending, current, failure);
            }
        });
        return null;
    }

    @ServerResponseFilter(priority = Priorities.USER + 500)
    public void complete(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(PENDING) instanceof Pending p) || !p.claim()) {
            return;
        }
        request.removeProperty(PENDING);
        int status = response.getStatus();
        Exception failure = finish(p, status, () -> new Answer(status, headers(response), body(response.getEntity())));
        if (failure != null && IdempotencyRules.stored(status)) {
            refuse(response, request, failure);
        }
    }

    /** The client is gone: store what the resource method returned (or roll back what it threw). */
    private void completeWithoutResponse(Pending p, ResteasyReactiveRequestContext context, Throwable failure) {
        Object result = context.getResult();
        if (failure != null || context.getThrowable() != null || result instanceof Throwable) {
            end(p.tx(), false);
            return;
        }
        int status = result instanceof Response r ? r.getStatus() : result == null ? 204 : 200;
        Exception e = finish(p, status, () -> {
            if (result instanceof Response r) {
                Map<String, String> kept = new LinkedHashMap<>();
                for (String name : KEPT_HEADERS) {
                    if (r.getHeaderString(name) != null) {
                        kept.put(name, r.getHeaderString(name));
                    }
                }
                if (r.hasEntity()) {
                    kept.put(
                            HttpHeaders.CONTENT_TYPE,
                            r.getMediaType() == null
                                    ? MediaType.APPLICATION_JSON
                                    : r.getMediaType().toString());
                }
                return new Answer(status, kept, body(r.getEntity()));
            }
            return new Answer(
                    status,
                    result == null ? Map.of() : Map.of(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON),
                    body(result));
        });
        if (e != null) {
            LOG.warnf("the %d answer of a request whose client left was not committed: %s", status, e.toString());
        }
    }

    /** Stored answer supplier (serialising the body may fail). */
    interface AnswerSource {
        Answer get() throws IOException;
    }

    /**
     * Ends the request's transaction: a 2xx answer is stored in it and it commits; otherwise it commits or rolls back
     * as the service's transactions left it. Returns why a 2xx answer did not commit, or null.
     */
    private Exception finish(Pending p, int status, AnswerSource answer) {
        boolean storable = IdempotencyRules.stored(status);
        try {
            Transaction current = tm.getTransaction();
            if (current != p.tx()) {
                if (current != null) {
                    tm.suspend();
                }
                tm.resume(p.tx());
            }
            if (p.tx().getStatus() != Status.STATUS_ACTIVE) {
                tm.rollback();
                // a 2xx answer from a transaction marked for rollback: nothing it reports stayed
                return storable ? new IllegalStateException("transaction marked for rollback") : null;
            }
            if (storable) {
                Answer a = answer.get();
                store.save(
                        p.subject(),
                        p.key(),
                        new IdempotencyStore.Stored(p.method(), p.path(), p.hash(), a.status(), a.headers(), a.body()),
                        config.ttl());
            }
            tm.commit();
            return null;
        } catch (Exception e) {
            end(p.tx(), false);
            if (!storable) {
                LOG.warnf("ending the transaction of a %d answer failed: %s", status, e.toString());
                return null;
            }
            return e;
        }
    }

    private boolean engaged(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null
                || method.isAnnotationPresent(LargeBody.class)
                || resource.getResourceClass().isAnnotationPresent(LargeBody.class)) {
            return false;
        }
        for (Annotation[] parameter : method.getParameterAnnotations()) {
            for (Annotation a : parameter) {
                if (a instanceof HeaderParam h && IdempotencyRules.HEADER.equalsIgnoreCase(h.value())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Response replay(IdempotencyStore.Stored s) {
        Response.ResponseBuilder answer = Response.status(s.status()).header(IdempotencyRules.REPLAYED, "true");
        s.headers().forEach((name, value) -> {
            if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                answer.type(value);
            } else {
                answer.header(name, value);
            }
        });
        if (s.body() != null && s.body().length > 0) {
            answer.entity(s.body());
        }
        return answer.build();
    }

    private static Map<String, String> headers(ContainerResponseContext response) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        if (response.hasEntity()) {
            MediaType type = response.getMediaType();
            kept.put(HttpHeaders.CONTENT_TYPE, type == null ? MediaType.APPLICATION_JSON : type.toString());
        }
        return kept;
    }

    private byte[] body(Object entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        } else if (entity instanceof byte[] bytes) {
            return bytes;
        } else if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return json.writeValueAsBytes(entity);
    }

    /** The 2xx answer did not commit: say so instead (nothing was stored, the same key may be sent again). */
    private static void refuse(ContainerResponseContext response, ContainerRequestContext request, Exception cause) {
        boolean race = false;
        for (Throwable t = cause; t != null && !race; t = t.getCause() == t ? null : t.getCause()) {
            race = t instanceof ConstraintViolationException c && "23505".equals(c.getSQLState());
        }
        LOG.warnf("a %d answer could not be committed: %s", response.getStatus(), cause.toString());
        Response problem = race
                ? Problems.response(
                        409,
                        "conflict",
                        "Conflict",
                        "a concurrent request stored the same thing first; read and retry",
                        request.getUriInfo().getPath(),
                        null)
                : Response.fromResponse(Problems.response(
                                503,
                                "not-committed",
                                "Service unavailable",
                                "the request could not be committed and changed nothing; retry with the same Idempotency-Key",
                                request.getUriInfo().getPath(),
                                null))
                        .header(HttpHeaders.RETRY_AFTER, "1")
                        .build();
        response.setStatus(problem.getStatus());
        response.getHeaders().remove(HttpHeaders.LOCATION);
        response.getHeaders().remove(HttpHeaders.ETAG);
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (problem.getHeaderString(HttpHeaders.RETRY_AFTER) != null) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, "1");
        }
        response.setEntity(problem.getEntity(), null, MediaType.valueOf(Problem.MEDIA_TYPE));
    }

    private void end(Transaction tx, boolean commit) {
        try {
            if (tm.getTransaction() == tx) {
                if (commit) {
                    tm.commit();
                } else {
                    tm.rollback();
                }
            } else if (tx != null) {
                tx.rollback();
            }
        } catch (Exception e) {
            LOG.debugf("ending an idempotency transaction: %s", e.toString());
        }
    }
}
