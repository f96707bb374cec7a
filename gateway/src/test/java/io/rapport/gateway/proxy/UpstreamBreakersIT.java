package io.rapport.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The breakers on SmallRye Fault Tolerance (a {@code @QuarkusTest} because its {@code Guard} needs the running
 * application); a short open time, and Awaitility for the moment the circuit half-opens.
 */
@QuarkusTest
class UpstreamBreakersIT {
    private static final Duration OPEN = Duration.ofMillis(300);

    private final UpstreamBreakers breakers = new UpstreamBreakers("test-service", 2, OPEN, 100);
    private final AtomicInteger sent = new AtomicInteger();

    private CompletionStage<Integer> call(String caller, Supplier<CompletionStage<Integer>> send) {
        return breakers.call(
                caller,
                () -> {
                    sent.incrementAndGet();
                    return send.get();
                },
                status -> status);
    }

    private static Supplier<CompletionStage<Integer>> answer(int status) {
        return () -> CompletableFuture.completedFuture(status);
    }

    private static Supplier<CompletionStage<Integer>> failing(Throwable e) {
        return () -> CompletableFuture.failedFuture(e);
    }

    private static Throwable failure(CompletionStage<Integer> result) {
        try {
            result.toCompletableFuture().get();
        } catch (ExecutionException e) {
            return UpstreamBreakers.unwrap(e.getCause());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("the call succeeded");
    }

    private static int status(CompletionStage<Integer> result) {
        return result.toCompletableFuture().join();
    }

    private void openTheUpstreamCircuit() {
        for (int i = 0; i < 2; i++) {
            assertThat(failure(call("user:a", failing(new ConnectException("refused")))))
                    .isInstanceOf(ConnectException.class);
        }
    }

    /** Waits for the open time to pass: the next call is let through as the trial. */
    private CompletableFuture<Integer> trial(String caller) {
        CompletableFuture<Integer> trial = new CompletableFuture<>();
        int before = sent.get();
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    call(caller, () -> trial);
                    return sent.get() > before;
                });
        return trial;
    }

    @Test
    void refusedConnectionsOpenTheUpstreamsCircuitWhichAnswersAtOnceWithRetryAfter() {
        openTheUpstreamCircuit();
        int before = sent.get();
        Throwable refused = failure(call("user:b", answer(200)));
        assertThat(refused).isInstanceOf(UpstreamFailure.class).hasMessageContaining("circuit open");
        assertThat(((UpstreamFailure) refused).status()).isEqualTo(503);
        assertThat(((UpstreamFailure) refused).retryAfterSeconds()).isEqualTo(1);
        assertThat(sent.get()).isEqualTo(before);
    }

    @Test
    void afterTheOpenTimeExactlyOneTrialGoesThroughAndItsSuccessClosesTheCircuit() {
        openTheUpstreamCircuit();
        CompletableFuture<Integer> trial = trial("user:b");
        assertThat(failure(call("user:c", answer(200)))).isInstanceOf(UpstreamFailure.class);
        trial.complete(200);
        assertThat(status(call("user:c", answer(200)))).isEqualTo(200);
        assertThat(status(call("user:d", answer(200)))).isEqualTo(200);
    }

    @Test
    void aFailedTrialOpensTheCircuitAgain() {
        openTheUpstreamCircuit();
        CompletableFuture<Integer> trial = trial("user:b");
        trial.completeExceptionally(new ConnectException("still refused"));
        assertThat(failure(call("user:c", answer(200))))
                .isInstanceOf(UpstreamFailure.class)
                .hasMessageContaining("circuit open");
    }

    @Test
    void aTrialThatTimesOutDoesNotLeaveTheUpstreamsCircuitStuck() {
        openTheUpstreamCircuit();
        CompletableFuture<Integer> trial = trial("user:b");
        trial.completeExceptionally(new TimeoutException("slow"));
        assertThat(status(call("user:c", answer(200)))).isEqualTo(200);
    }

    @Test
    void oneCallersFailedAnswersOpenOnlyItsOwnCircuitAndAreStillRelayed() {
        assertThat(status(call("user:heavy", answer(503)))).isEqualTo(503);
        assertThat(status(call("user:heavy", answer(504)))).isEqualTo(504);
        Throwable refused = failure(call("user:heavy", answer(200)));
        assertThat(refused).isInstanceOf(UpstreamFailure.class).hasMessageContaining("your requests");
        assertThat(((UpstreamFailure) refused).retryAfterSeconds()).isEqualTo(1);
        assertThat(status(call("user:other", answer(200)))).isEqualTo(200);
    }

    @Test
    void aCallersTimeoutsOpenItsCircuitButNotTheUpstreams() {
        for (int i = 0; i < 2; i++) {
            assertThat(failure(call("user:slow", failing(new TimeoutException("slow")))))
                    .isInstanceOf(TimeoutException.class);
        }
        assertThat(failure(call("user:slow", answer(200)))).hasMessageContaining("your requests");
        assertThat(status(call("user:other", answer(200)))).isEqualTo(200);
    }

    @Test
    void anAnswerOrTheGatewaysOwnOverloadIsNobodysFailure() {
        for (int i = 0; i < 3; i++) {
            assertThat(status(call("user:a", answer(500)))).isEqualTo(500);
            assertThat(status(call("user:a", answer(404)))).isEqualTo(404);
            assertThat(failure(call("user:a", failing(new ConnectionPoolTooBusyException("queue full")))))
                    .isInstanceOf(ConnectionPoolTooBusyException.class);
        }
        assertThat(status(call("user:a", answer(200)))).isEqualTo(200);
    }

    @Test
    void onlyTheMostRecentCallersBreakersAreKept() {
        UpstreamBreakers few = new UpstreamBreakers("test-service", 2, OPEN, 3);
        for (String caller : new String[] {"a", "b", "c", "d", "e"}) {
            few.call(caller, answer(200), status -> status)
                    .toCompletableFuture()
                    .join();
        }
        assertThat(few.trackedCallers()).isEqualTo(3);
    }
}
