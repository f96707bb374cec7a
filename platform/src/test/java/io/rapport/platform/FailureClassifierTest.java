package io.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.inbox.FailureClassifier;
import io.rapport.platform.inbox.FailureKind;
import io.rapport.platform.inbox.MalformedEventException;
import io.rapport.platform.inbox.PoisonEventException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailureClassifierTest {

    /** How Hibernate and the transaction manager hand a JDBC failure to the inbox: wrapped twice. */
    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException(
                "transaction rolled back", new IllegalStateException("could not execute statement", cause));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "08001", "08006", "08003", "57P01", "57P02", "57P03", "57014", "40001", "40P01", "55P03", "53300",
                "53200"
            })
    void connectionShutdownLockDeadlockTimeoutAndResourceStatesAreTransient(String sqlState) {
        assertThat(FailureClassifier.classify(wrapped(new SQLException("boom", sqlState))))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42P01", "42501", "42703", "XX000", "0A000"})
    void aSchemaOrPermissionOrUnknownDatabaseErrorIsTransientNotPoison(String sqlState) {
        assertThat(FailureClassifier.classify(wrapped(new SQLException("relation does not exist", sqlState))))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"22001", "22P02", "22003", "23505", "23503", "23514", "23502"})
    void dataExceptionsAndIntegrityViolationsAreDataErrors(String sqlState) {
        assertThat(FailureClassifier.classify(wrapped(new SQLException("bad value", sqlState))))
                .isEqualTo(FailureKind.DATA);
    }

    @Test
    void theFirstSqlStateInTheChainDecides() {
        SQLException outer = new SQLException("batch failed", "23505");
        assertThat(FailureClassifier.classify(new SQLException("wrapper without state", (String) null, outer)))
                .isEqualTo(FailureKind.DATA);
        SQLException batch = new SQLException("batch entry failed", (String) null);
        batch.setNextException(new SQLException("deadlock detected", "40P01"));
        assertThat(FailureClassifier.classify(wrapped(batch))).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void poolAcquisitionTimeoutsTransactionTimeoutsAndKafkaTimeoutsAreTransient() {
        assertThat(FailureClassifier.classify(
                        wrapped(new SQLException("Acquisition timeout while waiting for new connection"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureClassifier.classify(wrapped(new SQLTransientConnectionException("pool exhausted"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureClassifier.classify(
                        new jakarta.transaction.RollbackException("ARJUNA016102: transaction timeout")))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureClassifier.classify(wrapped(new org.apache.kafka.common.errors.TimeoutException("expired"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureClassifier.classify(
                        wrapped(new org.apache.kafka.common.errors.NotLeaderOrFollowerException("moved"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureClassifier.classify(new java.net.ConnectException("Connection refused")))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void anUnknownExceptionIsTransient() {
        assertThat(FailureClassifier.classify(new IllegalStateException("something we do not know")))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void malformedAndPoisonEventsArePoisonWhereverTheyAreInTheChain() {
        assertThat(FailureClassifier.classify(new MalformedEventException("no ce_id")))
                .isEqualTo(FailureKind.POISON);
        assertThat(FailureClassifier.classify(wrapped(new PoisonEventException("member of no programme"))))
                .isEqualTo(FailureKind.POISON);
        assertThat(FailureClassifier.classify(new PoisonEventException("refused", new SQLException("x", "08006"))))
                .isEqualTo(FailureKind.POISON);
    }

    @Test
    void aCyclicCauseChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(FailureClassifier.classify(a)).isEqualTo(FailureKind.TRANSIENT);
    }
}
