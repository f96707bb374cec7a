package io.rapport.platform;

import io.agroal.api.AgroalDataSource;
import io.rapport.contracts.customer.CustomerErased;
import io.rapport.contracts.customer.CustomerEvents;
import io.rapport.platform.deadletter.RedrivableConsumer;
import io.rapport.platform.inbox.Inbox;
import io.rapport.platform.inbox.IncomingEvent;
import io.rapport.platform.inbox.PoisonEventException;
import io.rapport.platform.outbox.Outbox;
import io.rapport.platform.rest.Caller;
import io.rapport.platform.rest.ETags;
import io.rapport.platform.rest.ProblemException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A tiny application inside the platform's tests: publishes through the outbox, consumes through the inbox. */
public final class ProbeApp {
    private ProbeApp() {}

    public enum Colour {
        RED,
        GREEN
    }

    public record Filter(Colour colour, UUID owner, Instant since, Colour pathColour) {}

    public record Thing(
            @NotBlank String name,
            @Email String email,
            @Min(1) int quantity) {}

    @ApplicationScoped
    public static class ProbeService {
        private final Outbox outbox;
        private final AgroalDataSource dataSource;

        public ProbeService(Outbox outbox, AgroalDataSource dataSource) {
            this.outbox = outbox;
            this.dataSource = dataSource;
        }

        /** Publishes {@code count} erased events for one subject from one query (Outbox#publishSelect). */
        @Transactional
        public int publishSelect(String subject, int count) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                return outbox.publishSelect(c, CustomerEvents.ERASED, """
                        select s.subject, json_build_object('customerId', s.subject,
                               'occurredAt', to_char(to_timestamp(g) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text as payload
                          from generate_series(0, ? - 1) g cross join (select (?::text[])[1] as subject) s order by g
                        """, count, new String[] {subject});
            }
        }

        /** Publishes {@code count} erased events for one subject with one JDBC batch (Outbox#publishAll). */
        @Transactional
        public void publishAll(String subject, int count) throws SQLException {
            java.util.List<Outbox.Pending> events = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                events.add(new Outbox.Pending(
                        CustomerEvents.ERASED, subject, new CustomerErased(subject, Instant.ofEpochSecond(i))));
            }
            try (Connection c = dataSource.getConnection()) {
                outbox.publishAll(c, events);
            }
        }

        /** Publishes {@code count} erased events for one subject; throws after writing them when {@code fail}. */
        @Transactional
        public void publish(String subject, int count, boolean fail) {
            for (int i = 0; i < count; i++) {
                outbox.publish(CustomerEvents.ERASED, subject, new CustomerErased(subject, Instant.ofEpochSecond(i)));
            }
            if (fail) {
                throw ProblemException.unprocessable("probe-failure", "rolled back on purpose");
            }
        }
    }

    @Path("/probe")
    @Produces(MediaType.APPLICATION_JSON)
    public static class ProbeResource {
        private final ProbeService service;
        private final Caller caller;

        public ProbeResource(ProbeService service, Caller caller) {
            this.service = service;
            this.caller = caller;
        }

        /** Who the service believes is calling (for the identity tests); the other probe routes are admin-only. */
        @io.rapport.platform.identity.Allow({
            io.rapport.platform.identity.Roles.SALES,
            io.rapport.platform.identity.Roles.PARTNER
        })
        @GET
        @Path("/whoami")
        public Map<String, Object> whoami() {
            return Map.of(
                    "subject",
                    caller.subject(),
                    "roles",
                    new java.util.TreeSet<>(caller.roles()),
                    "partnerId",
                    caller.partnerId().orElse(""));
        }

        @POST
        @Path("/events/{subject}")
        public void publish(
                @PathParam("subject") String subject,
                @QueryParam("count") int count,
                @QueryParam("fail") boolean fail) {
            service.publish(subject, count, fail);
        }

        @POST
        @Path("/events-in-batch/{subject}")
        public void publishAll(@PathParam("subject") String subject, @QueryParam("count") int count)
                throws SQLException {
            service.publishAll(subject, count);
        }

        @POST
        @Path("/events-by-query/{subject}")
        public int publishSelect(@PathParam("subject") String subject, @QueryParam("count") int count)
                throws SQLException {
            return service.publishSelect(subject, count);
        }

        @POST
        @Path("/things")
        @Consumes(MediaType.APPLICATION_JSON)
        public Thing create(@Valid Thing thing) {
            return thing;
        }

        @PUT
        @Path("/things/{id}")
        @Consumes(MediaType.APPLICATION_JSON)
        public Thing update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid Thing thing) {
            ETags.check(ifMatch, 3);
            return thing;
        }

        @GET
        @Path("/colours/{colour}")
        public Filter filter(
                @PathParam("colour") Colour pathColour,
                @QueryParam("colour") Colour colour,
                @QueryParam("owner") UUID owner,
                @QueryParam("since") Instant since) {
            return new Filter(colour, owner, since, pathColour);
        }

        /** Reads whatever query parameters it is sent. */
        @GET
        @Path("/free-form")
        @io.rapport.platform.rest.FreeFormQuery
        public String freeForm(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
            return String.join(
                    ",", new java.util.TreeSet<>(uri.getQueryParameters().keySet()));
        }

        @GET
        @Path("/things/{id}")
        public Thing get(@PathParam("id") UUID id) {
            throw ProblemException.notFound("thing", id);
        }
    }

    /**
     * Applies a probe event: a payload containing "poison" is refused (a {@link PoisonEventException}) unless its subject
     * has been cured ({@code probe_cure}), which lets a test redrive a dead letter that can be applied now.
     */
    static void apply(EntityManager em, IncomingEvent event) {
        if (event.payload().contains("poison")
                && em.createNativeQuery("select 1 from probe_cure where subject = ?1")
                        .setParameter(1, event.subject())
                        .getResultList()
                        .isEmpty()) {
            throw new PoisonEventException("poison payload");
        }
        em.createNativeQuery("insert into probe_effect (event_id, subject, payload) values (?1, ?2, ?3)")
                .setParameter(1, event.id())
                .setParameter(2, event.subject())
                .setParameter(3, event.payload())
                .executeUpdate();
    }

    /** Applies each probe event once (consumer "probe"). */
    @ApplicationScoped
    public static class ProbeConsumer implements RedrivableConsumer {
        private final Inbox inbox;
        private final EntityManager em;

        public ProbeConsumer(Inbox inbox, EntityManager em) {
            this.inbox = inbox;
            this.em = em;
        }

        @Incoming("probe-in")
        @Blocking(ordered = true)
        public void onRecord(ConsumerRecord<String, String> record) {
            inbox.process(consumer(), record, this::apply);
        }

        @Override
        public String consumer() {
            return "probe";
        }

        @Override
        public String topic() {
            return "platform.probe";
        }

        @Override
        public void apply(IncomingEvent event) {
            ProbeApp.apply(em, event);
        }
    }

    /** A batch channel: each poll through {@link Inbox#consume} (consumer "batch-probe-channel"). */
    @ApplicationScoped
    public static class BatchProbeConsumer implements RedrivableConsumer {
        private final Inbox inbox;
        private final EntityManager em;

        public BatchProbeConsumer(Inbox inbox, EntityManager em) {
            this.inbox = inbox;
            this.em = em;
        }

        @Incoming("probe-batch")
        @Blocking(ordered = true)
        public void onPoll(ConsumerRecords<String, String> records) {
            inbox.consume(consumer(), records, events -> events.forEach(this::apply), this::apply);
        }

        @Override
        public String consumer() {
            return "batch-probe-channel";
        }

        @Override
        public String topic() {
            return "platform.batch";
        }

        @Override
        public void apply(IncomingEvent event) {
            ProbeApp.apply(em, event);
        }
    }
}
