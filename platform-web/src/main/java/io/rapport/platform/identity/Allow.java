package io.rapport.platform.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource method (on the method, or on the class for all its methods), enforced by
 * {@link AccessFilter} before the method runs:
 * <ul>
 * <li>{@link #value()}: roles that may call it on any object ({@link Roles#PARTNER} for partner systems);</li>
 * <li>{@link #owner()}: roles that may call it only on an object they own: the object named by the path parameter
 * {@link #param()} of kind {@link #object()}, whose owner the service's {@link Ownership} knows (404 when there is
 * no such object, 403 when someone else owns it);</li>
 * <li>{@link #self()}: for lists, a query parameter naming a person (e.g. {@code assignee}): {@code owner()} roles
 * may only name themselves (403 otherwise; the resource defaults it to the caller when absent).</li>
 * <li>{@link #services()}: services (by name) that may call it on their own behalf with their own token (see
 * {@code rapport.service-token.services}); only reads: GET or HEAD. A service caller passes no other rule: it has no
 * roles, is never admin, owns nothing.</li>
 * </ul>
 * A resource method without a rule is open to {@code admin} only (fail closed). {@code admin} passes every rule.
 * A method's rule replaces its class's rule (it does not add to it).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allow {
    String[] value() default {};

    String[] owner() default {};

    String object() default "";

    String param() default "id";

    String self() default "";

    String[] services() default {};
}
