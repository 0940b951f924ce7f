package com.gatehouse.projection.admin;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** When the rebuild may apply an event: only once the live processor has applied that very event. */
class ShadowRebuildsTest {

    private static GapAwareTrackingToken token(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, Set.of(gaps));
    }

    @Test
    void anEventUpToTheLivePositionIsCoveredOneBeyondIsNot() {
        var live = token(10);
        assertThat(ShadowRebuilds.covers(live, token(9), token(10))).isTrue();
        assertThat(ShadowRebuilds.covers(live, token(10), token(11))).isFalse();
    }

    @Test
    void anEventTheLiveProcessorStillMissesIsNotCoveredEvenBelowItsPosition() {
        // the live processor is at 10 but has not seen 7 yet (committed late by a longer transaction)
        var live = token(10, 7L);
        assertThat(ShadowRebuilds.covers(live, token(6), token(7))).isFalse();
        assertThat(ShadowRebuilds.covers(live, token(7), token(8))).isTrue();
    }

    @Test
    void anEventThatFillsAGapLateIsJudgedByItsOwnIndex() {
        // the rebuild's stream had 7 as a gap and now gets it; the live processor has it too
        assertThat(ShadowRebuilds.covers(token(10), token(9, 7L), token(9))).isTrue();
        // ... or has not yet
        assertThat(ShadowRebuilds.covers(token(10, 7L), token(9, 7L), token(9))).isFalse();
    }

    @Test
    void aLiveProcessorThatProcessedNothingCoversNothingAndReplayTokensAreUnwrapped() {
        assertThat(ShadowRebuilds.covers(null, null, token(0))).isFalse();
        var replaying = ReplayToken.createReplayToken(token(100), token(5));
        assertThat(ShadowRebuilds.covers(replaying, token(4), token(5))).isTrue();
        assertThat(ShadowRebuilds.covers(replaying, token(5), token(6))).isFalse();
        assertThat(ShadowRebuilds.covers(new GlobalSequenceTrackingToken(3), new GlobalSequenceTrackingToken(2),
                new GlobalSequenceTrackingToken(3))).isTrue();
    }
}
