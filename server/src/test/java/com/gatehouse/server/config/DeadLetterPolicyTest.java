package com.gatehouse.server.config;

import com.gatehouse.projection.admin.DeadLetters;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterPolicyTest {

    @Test
    void everyFailureIsParkedAndCountsAnAttempt() {
        var policy = DeadLetterConfig.enqueuePolicy();
        var letter = new GenericDeadLetter<>("seq", GenericEventMessage.asEventMessage("payload"));
        var first = policy.decide(letter, new IllegalStateException("boom"));
        assertThat(first.shouldEnqueue()).isTrue();
        var parked = first.withDiagnostics(letter);
        assertThat(parked.diagnostics().get(DeadLetters.ATTEMPTS)).isEqualTo(1L);
        var again = policy.decide(parked, new IllegalStateException("boom"));
        assertThat(again.withDiagnostics(parked).diagnostics().get(DeadLetters.ATTEMPTS)).isEqualTo(2L);
        assertThat(again.enqueueCause()).get().extracting(c -> ((Cause) c).message())
                .isEqualTo("IllegalStateException: boom");
    }

    @Test
    void aConflictWithAnotherTransactionRollsTheBatchBackInsteadOfParkingUntilItKeepsHappening() {
        var policy = DeadLetterConfig.enqueuePolicy();
        var letter = new GenericDeadLetter<>("seq", GenericEventMessage.asEventMessage("payload"));
        var deadlock = new CannotAcquireLockException("PreparedStatementCallback",
                new SQLException("ERROR: deadlock detected", "40P01"));
        for (int attempt = 1; attempt <= DeadLetterConfig.CONFLICT_RETRIES; attempt++) {
            assertThatThrownBy(() -> policy.decide(letter, deadlock))
                    .isInstanceOf(DeadLetterConfig.TransientConflict.class).hasCause(deadlock);
        }
        assertThat(policy.decide(letter, deadlock).shouldEnqueue()).as("always conflicting: parked after all").isTrue();
        // untranslated, as a driver exception in a wrapper
        var raw = new RuntimeException(new SQLException("ERROR: could not serialize access", "40001"));
        var other = new GenericDeadLetter<>("seq", GenericEventMessage.asEventMessage("other"));
        assertThatThrownBy(() -> policy.decide(other, raw)).isInstanceOf(DeadLetterConfig.TransientConflict.class);
        // a constraint violation is about the event: parked at once
        var poison = new DataIntegrityViolationException("x", new SQLException("ERROR: violates", "23514"));
        assertThat(policy.decide(other, poison).shouldEnqueue()).isTrue();
    }

    @Test
    void theErrorTextNamesTheRootCauseWithoutControlCharactersAndFitsItsColumn() {
        var error = new DataIntegrityViolationException("PreparedStatementCallback",
                new SQLException("ERROR: value \u0000 refused\n  Detail: row"));
        assertThat(DeadLetterConfig.describe(error))
                .isEqualTo("DataIntegrityViolationException (SQLException): ERROR: value ? refused\n  Detail: row");
        assertThat(DeadLetterConfig.describe(new RuntimeException("x".repeat(5000)))).hasSize(1000).endsWith("...");
    }
}
