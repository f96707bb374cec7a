package io.rapport.platform;

import io.rapport.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** Creates tickets, optionally slowly, for the Idempotency-Key tests. */
public final class IdempotencyProbe {
    private IdempotencyProbe() {}

    public record Ticket(@NotBlank String title, Long delayMillis) {}

    public record Created(UUID id, String title) {}

    @ApplicationScoped
    public static class TicketService {
        private final EntityManager em;

        public TicketService(EntityManager em) {
            this.em = em;
        }

        @Transactional
        public Created create(Ticket ticket) {
            if (ticket.title().startsWith("refuse")) {
                throw ProblemException.unprocessable("refused", "title", "starts with refuse");
            }
            UUID id = UUID.randomUUID();
            em.createNativeQuery("insert into probe_ticket (id, title) values (?1, ?2)")
                    .setParameter(1, id)
                    .setParameter(2, ticket.title())
                    .executeUpdate();
            if (ticket.delayMillis() != null) {
                try {
                    Thread.sleep(ticket.delayMillis()); // the slow part of a create, after its write
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new Created(id, ticket.title());
        }

        public long count(String title) {
            return ((Number) em.createNativeQuery("select count(*) from probe_ticket where title = ?1")
                            .setParameter(1, title)
                            .getSingleResult())
                    .longValue();
        }
    }

    @Path("/probe/tickets")
    public static class TicketResource {
        private final TicketService tickets;

        public TicketResource(TicketService tickets) {
            this.tickets = tickets;
        }

        @POST
        public Response create(Ticket ticket) {
            Created c = tickets.create(ticket);
            return Response.created(URI.create("/probe/tickets/" + c.id()))
                    .entity(c)
                    .build();
        }

        @GET
        @Path("/count")
        public long count(@QueryParam("title") String title) {
            return tickets.count(title);
        }
    }
}
