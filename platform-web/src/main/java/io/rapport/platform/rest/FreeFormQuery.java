package io.rapport.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opts a resource method (or class) out of {@link UnknownQueryParameters}: it reads query parameters it does not
 * declare (from {@code UriInfo}), so no name is unknown to it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface FreeFormQuery {}
