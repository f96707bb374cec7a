package io.rapport.customer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentWritesTest {

    @Test
    void aLostRaceIsRunAgainUntilItSucceeds() throws SQLException {
        AtomicInteger calls = new AtomicInteger();
        String result = ConcurrentWrites.retry(3, () -> {
            if (calls.incrementAndGet() < 3) {
                throw new SQLException("duplicate key", "23505");
            }
            return "stored";
        });
        assertThat(result).isEqualTo("stored");
        assertThat(calls).hasValue(3);
    }

    @Test
    void afterTheLastLostAttemptItGivesUp() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> ConcurrentWrites.retry(2, () -> {
                    calls.incrementAndGet();
                    throw new SQLException("deadlock detected", "40P01");
                }))
                .isInstanceOf(ConcurrentWrites.LostRaceException.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> ConcurrentWrites.retry(3, () -> {
                    calls.incrementAndGet();
                    throw new SQLException("value too long", "22001");
                }))
                .isInstanceOf(SQLException.class)
                .hasMessage("value too long");
        assertThat(calls).hasValue(1);
    }

    @Test
    void theRaceIsFoundInCausesAndInTheNextExceptionOfABatch() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 3 was aborted", null, new int[0]);
        batch.setNextException(new SQLException("duplicate key", "23505"));
        assertThat(ConcurrentWrites.lostRace(batch)).isTrue();
        assertThat(ConcurrentWrites.lostRace(new IllegalStateException(new SQLException("serialization", "40001"))))
                .isTrue();
        assertThat(ConcurrentWrites.lostRace(new SQLException("check violation", "23514")))
                .isFalse();
        assertThat(ConcurrentWrites.lostRace(new IllegalStateException("no sql")))
                .isFalse();
    }
}
