package io.rapport.platform.identity;

import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.Problems;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Enforces the {@link Allow} rule of the matched resource method for the verified {@link Caller}: 403 problem+json
 * when the caller's roles do not fit (a service calling on its own behalf: when the rule does not name it in
 * {@link Allow#services()} or the request is not a GET or HEAD), 404 when an owned object does not exist, 403 when another person owns it.
 * Runs after {@code CallerFilter} (which answered 401 to a request without a valid token). Does nothing in the
 * gateway, where {@code rapport.service-token.verify=false}.
 */
public class AccessFilter {
    private final Caller caller;
    private final CallerVerification verification;
    private final Instance<Ownership> ownership;

    public AccessFilter(Caller caller, CallerVerification verification, Instance<Ownership> ownership) {
        this.caller = caller;
        this.verification = verification;
        this.ownership = ownership;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Response check(ContainerRequestContext ctx, SimpleResourceInfo resource) {
        if (!verification.enabled() || resource == null || resource.getResourceClass() == null) {
            return null;
        }
        Allow rule = rule(resource);
        Optional<String> service = caller.service();
        Decision decision = service.isPresent()
                ? AccessRules.decide(
                        rule, service.get(), "GET".equals(ctx.getMethod()) || "HEAD".equals(ctx.getMethod()))
                : AccessRules.decide(rule, caller.roles(), caller.partnerId().isPresent());
        return switch (decision) {
            case ALLOWED -> null;
            case DENIED ->
                forbidden(caller.label() + " may not " + ctx.getMethod() + " "
                        + ctx.getUriInfo().getPath());
            case OWNER_ONLY -> owned(rule, ctx);
        };
    }

    enum Decision {
        ALLOWED,
        DENIED,
        OWNER_ONLY
    }

    private Response owned(Allow rule, ContainerRequestContext ctx) {
        if (!rule.self().isEmpty()) {
            String named = ctx.getUriInfo().getQueryParameters().getFirst(rule.self());
            if (named != null && !named.isBlank() && !named.trim().equals(caller.subject())) {
                return forbidden(caller.label() + " may only name itself in '" + rule.self() + "'");
            }
            if (rule.object().isEmpty()) {
                return null;
            }
        }
        String id = ctx.getUriInfo().getPathParameters().getFirst(rule.param());
        if (id == null || !ownership.isResolvable()) {
            return forbidden(caller.label() + " may not " + ctx.getMethod() + " "
                    + ctx.getUriInfo().getPath());
        }
        Optional<Ownership.Owner> owner;
        try {
            owner = ownership.get().ownerOf(rule.object(), id);
        } catch (IllegalArgumentException malformedId) {
            return null; // the resource answers 400/404 for an id it cannot parse
        }
        if (owner.isEmpty()) {
            return null; // no such object: the resource answers 404 as it does for anyone
        }
        if (owner.get().is(caller.subject())) {
            return null;
        }
        return forbidden(caller.label() + " may act only on the " + rule.object() + "s it owns or is assigned");
    }

    /** Rules by resource method, found once by reflection (empty: no rule, so admin only). */
    private static final java.util.concurrent.ConcurrentHashMap<String, Optional<Allow>> RULES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Allow rule(SimpleResourceInfo resource) {
        String key = resource.getResourceClass().getName() + "#" + resource.getMethodName()
                + Arrays.toString(resource.parameterTypes());
        return RULES.computeIfAbsent(key, k -> {
                    Method method = findMethod(resource);
                    Allow onMethod = method == null ? null : method.getAnnotation(Allow.class);
                    return Optional.ofNullable(
                            onMethod != null
                                    ? onMethod
                                    : resource.getResourceClass().getAnnotation(Allow.class));
                })
                .orElse(null);
    }

    private static Method findMethod(SimpleResourceInfo resource) {
        return Arrays.stream(resource.getResourceClass().getMethods())
                .filter(m -> m.getName().equals(resource.getMethodName())
                        && Arrays.equals(m.getParameterTypes(), resource.parameterTypes()))
                .findFirst()
                .orElse(null);
    }

    private static Response forbidden(String detail) {
        return Problems.response(403, "forbidden", "Forbidden", detail, null, null);
    }
}
