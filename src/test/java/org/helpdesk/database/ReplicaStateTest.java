package org.helpdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ReplicaStateTest {
    private static final long S = 1_000_000_000L;
    private final ReplicaState state = new ReplicaState(Duration.ofSeconds(5), Duration.ofMinutes(1));

    @Test
    void aStandbyThatHasReplayedThePrimarysLastPositionHasNoLag() {
        state.primaryAt(10 * S, 1000);
        state.replicaAt(10 * S, 1000);
        assertThat(state.lagSeconds()).isZero();
        assertThat(state.replicaFor("key")).isTrue();
    }

    @Test
    void theLagIsHowLongAgoThePrimaryWasWhereTheStandbyIsNow() {
        state.primaryAt(10 * S, 1000);
        state.primaryAt(12 * S, 2000);
        state.primaryAt(14 * S, 3000);
        state.replicaAt(15 * S, 2500);
        assertThat(state.lagSeconds()).isEqualTo(3.0);
        assertThat(state.usable()).isTrue();
    }

    @Test
    void aStandbyBehindTheBoundIsSkipped() {
        state.primaryAt(10 * S, 1000);
        state.primaryAt(13 * S, 2000);
        state.primaryAt(16 * S, 3000);
        state.replicaAt(16 * S, 1500);
        assertThat(state.lagSeconds()).isEqualTo(6.0);
        assertThat(state.replicaFor(null)).isFalse();
    }

    @Test
    void aStandbyBehindEverySampleKeptIsSkipped() {
        state.primaryAt(10 * S, 1000);
        state.replicaAt(10 * S, 999);
        assertThat(state.lagSeconds()).isInfinite();
        assertThat(state.usable()).isFalse();
    }

    @Test
    void anUnreachableStandbyIsSkippedUntilItIsSeenAgain() {
        state.primaryAt(10 * S, 1000);
        state.replicaAt(10 * S, 1000);
        state.replicaDown();
        assertThat(state.replicaFor("key")).isFalse();
        assertThat(state.lagSeconds()).isNaN();
        state.replicaAt(11 * S, 1000);
        assertThat(state.replicaFor("key")).isTrue();
    }

    @Test
    void aCallerReadsFromThePrimaryWhileItsWriteRunsAndUntilTheStandbyHasReplayedIt() {
        state.primaryAt(10 * S, 1000);
        state.replicaAt(10 * S, 1000);

        state.writeStarted("key");
        assertThat(state.replicaFor("key")).isFalse();
        assertThat(state.replicaFor("other")).isTrue();

        state.writeFinished("key", 1500);
        assertThat(state.replicaFor("key")).isFalse();

        state.primaryAt(11 * S, 1500);
        state.replicaAt(11 * S, 1500);
        assertThat(state.replicaFor("key")).isTrue();
    }

    @Test
    void concurrentWritesOfOneCallerKeepItOnThePrimaryUntilAllAreDoneAndReplayed() {
        state.primaryAt(10 * S, 1000);
        state.replicaAt(10 * S, 1000);
        state.writeStarted("key");
        state.writeStarted("key");
        state.writeFinished("key", 1200);
        state.primaryAt(11 * S, 1200);
        state.replicaAt(11 * S, 1200);
        assertThat(state.replicaFor("key")).as("one write still running").isFalse();

        state.writeFinished("key", 1100); // finished later, but its position was read earlier: the highest counts
        assertThat(state.replicaFor("key")).isTrue();
        state.writeStarted("key");
        state.writeFinished("key", 1300);
        assertThat(state.replicaFor("key")).isFalse();
    }

    @Test
    void aWriteWithoutACallerHoldsBackEveryonesReads() {
        state.primaryAt(10 * S, 1000);
        state.replicaAt(10 * S, 1000);
        state.writeStarted(null);
        state.writeFinished(null, 1400);
        assertThat(state.replicaFor("anyone")).isFalse();
        assertThat(state.replicaFor(null)).isFalse();
        state.primaryAt(11 * S, 1400);
        state.replicaAt(11 * S, 1400);
        assertThat(state.replicaFor("anyone")).isTrue();
    }

    @Test
    void anUnknownWritePositionKeepsTheCallerOnThePrimary() {
        state.primaryAt(10 * S, 1000);
        state.replicaAt(10 * S, 1000);
        state.writeStarted("key");
        state.writeFinished("key", Long.MAX_VALUE);
        state.primaryAt(11 * S, 5000);
        state.replicaAt(11 * S, 5000);
        assertThat(state.replicaFor("key")).isFalse();
    }
}
