package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.platform.jobs.Jobs;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The platform's job runner on a real PostgreSQL: batches in their own transactions, one runner per job name. */
@QuarkusTest
class JobsIT {
    @Inject
    Jobs jobs;

    @Inject
    EntityManager em;

    @Test
    void aJobRunsOnceAtATimeAndAnotherJobIsNotHeldUp() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> jobs.alone("recompute", () -> {
            runs.incrementAndGet();
            inside.countDown();
            await(release);
        }));
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(jobs.alone("recompute", runs::incrementAndGet)).isFalse();
        assertThat(jobs.alone("report", () -> {})).isTrue();

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).hasValue(1);
        assertThat(jobs.alone("recompute", runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void aFailedRunFreesTheLockForTheNextTurn() {
        assertThatThrownBy(() -> jobs.alone("fragile", () -> {
                    throw new IllegalStateException("boom");
                }))
                .hasMessageContaining("boom");
        assertThat(jobs.alone("fragile", () -> {})).isTrue();
    }

    @Test
    void drainRunsBatchesInTheirOwnTransactionsUntilOneIsShort() {
        List<Long> transactions = new ArrayList<>();
        int[] left = {25};
        int total = jobs.drain(10, () -> {
            transactions.add(
                    ((Number) em.createNativeQuery("select txid_current()").getSingleResult()).longValue());
            int n = Math.min(10, left[0]);
            left[0] -= n;
            return n;
        });
        assertThat(total).isEqualTo(25);
        assertThat(transactions).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aFullLastBatchIsFollowedByOneThatFindsNothing() {
        int[] calls = {0};
        int[] left = {20};
        assertThat(jobs.drain(10, () -> {
                    calls[0]++;
                    int n = Math.min(10, left[0]);
                    left[0] -= n;
                    return n;
                }))
                .isEqualTo(20);
        assertThat(calls[0]).isEqualTo(3);
    }

    @Test
    void drainInsideACallersTransactionStillCommitsEachBatchOnItsOwn() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Long> inner = new ArrayList<>();
            int[] left = {15};
            jobs.drain(10, () -> {
                inner.add(
                        ((Number) em.createNativeQuery("select txid_current()").getSingleResult()).longValue());
                int n = Math.min(10, left[0]);
                left[0] -= n;
                return n;
            });
            long outer = ((Number) em.createNativeQuery("select txid_current()").getSingleResult()).longValue();
            assertThat(inner).hasSize(2).doesNotContain(outer);
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
