package io.rapport.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.engagement.service.ContactDispatcher;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The overdue job run by two scheduler instances at once against the same database. */
@QuarkusTest
class ContactDispatcherIT {
    private static final int MESSAGES = 400;

    @Inject
    TestClock clock;

    @Inject
    ContactDispatcher dispatcher;

    @Inject
    EntityManager em;

    @Test
    void twoSchedulerInstancesNeverSendTheSameContactTwice() throws Exception {
        clock.set("2026-05-04T12:00:00Z");
        UUID run = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into contact (id, customer_id, source_key, channel, purpose, state, requested_at, due_at, expires_at,
                                         assignee_id, customer_value, created_by, created_at)
                    select gen_random_uuid(), gen_random_uuid(), ?1 || ':' || g, case when g % 2 = 0 then 'EMAIL' else 'SMS' end,
                           'CONTACT_US', 'PLANNED', timestamptz '2026-05-04 07:00Z', timestamptz '2026-05-04 07:00Z' + (g % 60) * interval '1 minute',
                           timestamptz '2026-05-18 07:00Z', 'automation', g, 'test', timestamptz '2026-05-01 00:00Z'
                      from generate_series(1, ?2) g
                    """)
                    .setParameter(1, "dispatch-" + run)
                    .setParameter(2, MESSAGES)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into contact (id, customer_id, source_key, channel, purpose, state, requested_at, due_at, expires_at,
                                         assignee_id, customer_value, created_by, created_at)
                    values (gen_random_uuid(), gen_random_uuid(), ?1, 'PHONE', 'CHECK_IN', 'PLANNED', timestamptz '2026-05-04 09:00Z',
                            timestamptz '2026-05-04 09:00Z', timestamptz '2026-05-18 09:00Z', 'rep', 0, 'test', timestamptz '2026-05-01 00:00Z'),
                           (gen_random_uuid(), gen_random_uuid(), ?2, 'EMAIL', 'CHECK_IN', 'PLANNED', timestamptz '2026-04-01 09:00Z',
                            timestamptz '2026-04-01 09:00Z', timestamptz '2026-04-15 09:00Z', 'automation', 0, 'test', timestamptz '2026-03-01 00:00Z')
                    """)
                    .setParameter(1, "call-" + run)
                    .setParameter(2, "stale-" + run)
                    .executeUpdate();
        });

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> instances = List.of(worker("instance-1", start), worker("instance-2", start));
        List<Future<Integer>> results = instances.stream().map(pool::submit).toList();
        start.countDown();
        for (Future<Integer> f : results) {
            f.get(120, TimeUnit.SECONDS); // rethrows any failure of an instance (a second send would violate the key)
        }
        pool.shutdown();

        Object[] sent = (Object[]) em.createNativeQuery("select count(*), count(distinct d.contact_id), count(*) filter"
                        + " (where c.state = 'DONE' and c.outcome = 'QUEUED' and exists (select 1 from message_delivery m where m.contact_id = c.id)) from contact_dispatch d join contact c on c.id = d.contact_id"
                        + " where c.source_key like ?1")
                .setParameter(1, "dispatch-" + run + ":%")
                .getSingleResult();
        assertThat(((Number) sent[0]).intValue()).isEqualTo(MESSAGES);
        assertThat(((Number) sent[1]).intValue()).isEqualTo(MESSAGES);
        assertThat(((Number) sent[2]).intValue()).isEqualTo(MESSAGES);
        assertThat(state("call-" + run)).isEqualTo("DUE");
        assertThat(state("stale-" + run)).isEqualTo("EXPIRED");
    }

    private Callable<Integer> worker(String name, CountDownLatch start) {
        return () -> {
            start.await();
            return dispatcher.runUntilDone(name, 25);
        };
    }

    private String state(String key) {
        return (String) em.createNativeQuery("select state from contact where source_key = ?1")
                .setParameter(1, key)
                .getSingleResult();
    }
}
