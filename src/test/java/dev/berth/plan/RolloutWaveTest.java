package dev.berth.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The counts of one step of a rolling update, as Kubernetes' Deployment controller computes them. */
class RolloutWaveTest {
    private static final RolloutLimits SURGE_ONE = new RolloutLimits(1, 0);

    private static RolloutWave next(int replicas, RolloutLimits limits, int old, int oldAvailable, int fresh,
                                    int freshAvailable) {
        return RolloutWave.next(replicas, limits, new RolloutWave.Counts(old, oldAvailable, fresh, freshAvailable));
    }

    @Test
    void surgeStartsNewReplicasAboveTheDesiredCount() {
        assertThat(next(4, SURGE_ONE, 4, 4, 0, 0)).isEqualTo(new RolloutWave(1, 0, 0));
    }

    @Test
    void anAvailableNewReplicaLetsOneOldOneGo() {
        assertThat(next(4, SURGE_ONE, 4, 4, 1, 1)).isEqualTo(new RolloutWave(0, 0, 1));
    }

    @Test
    void aNewReplicaThatIsNotAvailableLetsNoOldOneGo() {
        assertThat(next(4, SURGE_ONE, 4, 4, 1, 0)).isEqualTo(new RolloutWave(0, 0, 0));
    }

    @Test
    void unavailabilityLetsOldReplicasGoBeforeNewOnesAreAvailable() {
        assertThat(next(10, new RolloutLimits(3, 2), 10, 10, 0, 0)).isEqualTo(new RolloutWave(3, 0, 2));
    }

    @Test
    void unavailableOldReplicasGoFirstAndCountForNothing() {
        assertThat(next(4, new RolloutLimits(1, 1), 4, 2, 1, 1)).isEqualTo(new RolloutWave(0, 2, 0));
    }

    @Test
    void unavailableOldReplicasStayWhileTheNewOnesAreNotAvailable() {
        assertThat(next(4, SURGE_ONE, 4, 3, 1, 0)).isEqualTo(new RolloutWave(0, 0, 0));
    }

    @Test
    void neverStartsMoreNewReplicasThanDesired() {
        assertThat(next(2, new RolloutLimits(5, 0), 1, 1, 1, 0)).isEqualTo(new RolloutWave(1, 0, 0));
    }

    @Test
    void withoutSurgeAnOldReplicaGoesBeforeItsReplacementStarts() {
        assertThat(next(2, new RolloutLimits(0, 1), 2, 2, 0, 0)).isEqualTo(new RolloutWave(0, 0, 1));
        assertThat(next(2, new RolloutLimits(0, 1), 1, 1, 0, 0)).isEqualTo(new RolloutWave(1, 0, 0));
    }

    @Test
    void allOldReplicasGoOnceEveryNewOneIsAvailable() {
        assertThat(next(3, SURGE_ONE, 2, 1, 3, 3)).isEqualTo(new RolloutWave(0, 1, 1));
    }

    @Test
    void scalingToZeroLetsEveryOldReplicaGo() {
        assertThat(next(0, new RolloutLimits(0, 0), 3, 2, 0, 0)).isEqualTo(new RolloutWave(0, 1, 2));
    }
}
