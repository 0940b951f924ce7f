package com.gatehouse.projection.audit;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Where an event sits in the global order, read from its tracking token (PostgreSQL's and Axon Server's). */
class GlobalIndexTest {

    private static GapAwareTrackingToken token(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, Set.of(gaps));
    }

    @Test
    void anEventThatMovesTheStreamOnIsAtTheTokensIndex() {
        assertThat(AuditIndexProjection.globalIndexOf(token(5), token(6))).isEqualTo(6);
        assertThat(AuditIndexProjection.globalIndexOf(token(5), token(8, 6L, 7L))).isEqualTo(8);
        assertThat(AuditIndexProjection.globalIndexOf(null, token(1))).isEqualTo(1);
    }

    @Test
    void anEventCommittedLateFillsTheGapItLeft() {
        assertThat(AuditIndexProjection.globalIndexOf(token(8, 6L, 7L), token(8, 7L))).isEqualTo(6);
        // gaps given up at the same step (timed out) all lie below the filled one
        assertThat(AuditIndexProjection.globalIndexOf(token(9, 2L, 6L), token(9))).isEqualTo(6);
    }

    @Test
    void duringAReplayTheCurrentTokenCounts() {
        TrackingToken reset = ReplayToken.createReplayToken(token(20));
        TrackingToken first = ((ReplayToken) reset).advancedTo(token(1));
        TrackingToken lateFill = ((ReplayToken) ((ReplayToken) first).advancedTo(token(4, 3L))).advancedTo(token(4));
        assertThat(AuditIndexProjection.globalIndexOf(reset, first)).isEqualTo(1);
        assertThat(AuditIndexProjection.globalIndexOf(((ReplayToken) first).advancedTo(token(4, 3L)), lateFill))
                .isEqualTo(3);
    }

    @Test
    void axonServersTokenIsTheEventsOwnSequence() {
        assertThat(AuditIndexProjection.globalIndexOf(null, new GlobalSequenceTrackingToken(42))).isEqualTo(42);
        assertThat(AuditIndexProjection.globalIndexOf(new GlobalSequenceTrackingToken(40),
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(99), new GlobalSequenceTrackingToken(41))))
                .isEqualTo(41);
    }
}
