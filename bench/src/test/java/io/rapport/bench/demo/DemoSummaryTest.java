package io.rapport.bench.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Issue 17 #18: the demo's summary says what happened and what the API reports once the system has settled. */
class DemoSummaryTest {

    @Test
    void customersWhoDoNotJoinTheClubAreNotCountedAsMembershipsMade() throws Exception {
        Step step =
                new Step("club memberships").runItems(10, 2, i -> i % 5 < 2 ? Step.Outcome.DONE : Step.Outcome.SKIPPED);

        assertThat(step.done.get()).isEqualTo(4);
        assertThat(step.skipped.get()).isEqualTo(6);
        assertThat(step.failed.get()).isZero();
    }

    @Test
    void theSummaryWaitsUntilNoEventIsLeftToApply() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        long[] backlog = {500, 120, 0, 3, 0, 0};

        boolean settled = Settle.await(
                "test",
                () -> backlog[Math.min(polls.getAndIncrement(), backlog.length - 1)],
                () -> -1,
                Duration.ofSeconds(60),
                Duration.ofMillis(1),
                Duration.ofMillis(1));

        assertThat(settled).isTrue();
        assertThat(polls.get())
                .as("settled only after two empty polls in a row")
                .isEqualTo(6);
    }

    @Test
    void withoutAccessToTheStackTheSummaryWaitsForStableCounts() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        long[] members = {100, 400, 540, 540, 540};

        boolean settled = Settle.await(
                "test",
                null,
                () -> members[Math.min(polls.getAndIncrement(), members.length - 1)],
                Duration.ofSeconds(60),
                Duration.ofMillis(1),
                Duration.ofMillis(1));

        assertThat(settled).isTrue();
        assertThat(polls.get()).isEqualTo(5);
    }
}
