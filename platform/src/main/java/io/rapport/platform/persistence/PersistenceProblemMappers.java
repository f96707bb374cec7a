package io.rapport.platform.persistence;

import io.rapport.platform.rest.Problems;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Database outcomes that are the client's concern: a concurrent update (412) and a unique constraint
 * hit by a race between two requests (409). Anything else stays a logged 500.
 */
public class PersistenceProblemMappers {

    @ServerExceptionMapper(priority = 1)
    public Response staleVersion(OptimisticLockException e, UriInfo uri) {
        return Problems.response(
                412,
                "precondition-failed",
                "Precondition failed",
                "the resource was changed by someone else; read it again and retry",
                uri.getPath(),
                null);
    }

    @ServerExceptionMapper(priority = 1)
    public Response uniqueViolation(ConstraintViolationException e, UriInfo uri) {
        if ("23505".equals(e.getSQLState())) {
            return Problems.response(
                    409,
                    "conflict",
                    "Conflict",
                    "a concurrent request stored the same thing first (" + e.getConstraintName() + "); read and retry",
                    uri.getPath(),
                    null);
        }
        return Problems.response(
                500,
                "internal",
                "Internal error",
                "the request could not be completed; it has been logged",
                uri.getPath(),
                null);
    }
}
