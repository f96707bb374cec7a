package io.rapport.customer.service;

import io.rapport.customer.domain.OwnerRule;
import io.rapport.customer.model.CustomerInput;
import io.rapport.platform.identity.Roles;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.Problem;
import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The one place where a body's {@code ownerId} meets its caller ({@link OwnerRule}): a single create, a replace and
 * every row of a customer import go through here, so no path lets a caller name an owner it could not name in a
 * single create. Only admin names or changes owners; for everyone else a new customer is the caller's and a
 * replaced one keeps its owner. A refused owner is a 403 naming the field {@code ownerId} (an import row fails with
 * it); the value asked for is never echoed.
 */
@ApplicationScoped
public class OwnerAssignment {
    public static final String FIELD = "ownerId";

    private final Caller caller;

    public OwnerAssignment(Caller caller) {
        this.caller = caller;
    }

    /** {@code in} with the owner the calling user gives a new customer; 403 when it names one it may not. */
    public CustomerInput ofNew(CustomerInput in) {
        try {
            return in.withOwnerId(OwnerRule.onCreate(in.ownerId(), caller.subject(), mayAssign()));
        } catch (OwnerRule.NotAllowed e) {
            throw refused(e);
        }
    }

    /** {@code in} with the owner of a replaced customer now owned by {@code current}; 403 when it may not change it. */
    public CustomerInput ofReplaced(CustomerInput in, String current) {
        try {
            return in.withOwnerId(OwnerRule.onUpdate(in.ownerId(), current, mayAssign()));
        } catch (OwnerRule.NotAllowed e) {
            throw refused(e);
        }
    }

    private boolean mayAssign() {
        return caller.hasRole(Roles.ADMIN);
    }

    private static ProblemException refused(OwnerRule.NotAllowed e) {
        return new ProblemException(
                403,
                "forbidden",
                "Forbidden",
                e.getMessage(),
                List.of(new Problem.FieldError(FIELD, e.getMessage())),
                null);
    }
}
