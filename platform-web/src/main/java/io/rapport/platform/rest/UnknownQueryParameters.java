package io.rapport.platform.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses query parameters the matched resource method does not declare with 400 problem
 * {@code unknown-query-parameter}, naming the unknown names (never their values) and the accepted ones: a
 * misspelt filter ({@code ?q=} where the API takes {@code name=}) is an error, not a silently unfiltered list.
 * Declared means a {@code @QueryParam}/{@code @RestQuery} parameter of the method or a field, record component or
 * setter of one of its {@code @BeanParam}s. {@link FreeFormQuery} opts a method out.
 */
public class UnknownQueryParameters {
    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response check(ContainerRequestContext ctx, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null
                || method.isAnnotationPresent(FreeFormQuery.class)
                || resource.getResourceClass().isAnnotationPresent(FreeFormQuery.class)) {
            return null;
        }
        Set<String> sent = ctx.getUriInfo().getQueryParameters().keySet();
        if (sent.isEmpty()) {
            return null;
        }
        Set<String> known = declared.computeIfAbsent(method, UnknownQueryParameters::declaredBy);
        Set<String> unknown = new TreeSet<>();
        for (String name : sent) {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return null;
        }
        List<Problem.FieldError> errors = unknown.stream()
                .map(name -> new Problem.FieldError(name, "unknown query parameter"))
                .toList();
        String detail = "unknown query parameter" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                + (known.isEmpty()
                        ? "; this operation takes no query parameters"
                        : "; this operation takes " + String.join(", ", new TreeSet<>(known)));
        return Problems.response(new Problem(
                Problem.TYPE_BASE + "unknown-query-parameter",
                "Invalid request",
                400,
                detail,
                ctx.getUriInfo().getPath(),
                errors,
                null));
    }

    /** The query parameter names a resource method reads. */
    static Set<String> declaredBy(Method method) {
        Set<String> names = new TreeSet<>();
        Parameter[] parameters = method.getParameters();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < parameters.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof QueryParam q) {
                    names.add(q.value());
                } else if (a instanceof RestQuery r) {
                    names.add(r.value().isEmpty() ? parameters[i].getName() : r.value());
                } else if (a instanceof BeanParam) {
                    beanNames(parameters[i].getType(), names);
                }
            }
        }
        return Set.copyOf(names);
    }

    private static void beanNames(Class<?> type, Set<String> names) {
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                add(c.getAnnotation(QueryParam.class), c.getAnnotation(RestQuery.class), c.getName(), names);
                if (c.isAnnotationPresent(BeanParam.class)) {
                    beanNames(c.getType(), names);
                }
            }
        }
        for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
            for (Field f : t.getDeclaredFields()) {
                add(f.getAnnotation(QueryParam.class), f.getAnnotation(RestQuery.class), f.getName(), names);
                if (f.isAnnotationPresent(BeanParam.class)) {
                    beanNames(f.getType(), names);
                }
            }
            for (Method m : t.getDeclaredMethods()) {
                add(m.getAnnotation(QueryParam.class), m.getAnnotation(RestQuery.class), m.getName(), names);
            }
        }
    }

    private static void add(QueryParam q, RestQuery r, String name, Set<String> names) {
        if (q != null) {
            names.add(q.value());
        } else if (r != null) {
            names.add(r.value().isEmpty() ? name : r.value());
        }
    }
}
