package dev.berth.plan;

import dev.berth.model.Deployment;
import dev.berth.model.IntOrString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Kubernetes' fenceposts: surge rounds up, unavailable rounds down, both 0 makes unavailable 1. */
class RolloutLimitsTest {

    private static RolloutLimits limits(int replicas, String surge, String unavailable) {
        return RolloutLimits.of(new DeploymentSpec("web").replicas(replicas)
                .rollingUpdate(value(surge), value(unavailable)).build().spec());
    }

    private static IntOrString value(String text) {
        return text.endsWith("%") ? IntOrString.of(text) : IntOrString.of(Integer.parseInt(text));
    }

    @ParameterizedTest(name = "{0} replicas, surge {1}, unavailable {2} -> {3} and {4}")
    @CsvSource({
            "10, 25%, 25%, 3, 2",
            "3, 25%, 25%, 1, 0",
            "4, 25%, 25%, 1, 1",
            "1, 25%, 25%, 1, 0",
            "10, 30%, 30%, 3, 3",
            "4, 30%, 30%, 2, 1",
            "3, 0%, 10%, 0, 1",
            "5, 0, 0, 0, 1",
            "4, 1, 0, 1, 0",
            "4, 0, 2, 0, 2",
            "3, 2, 5, 2, 3",
            "2, 100%, 100%, 2, 2",
            "0, 25%, 25%, 0, 0"})
    void resolvesCountsAndPercentagesLikeKubernetes(int replicas, String surge, String unavailable,
                                                    int maxSurge, int maxUnavailable) {
        assertThat(limits(replicas, surge, unavailable)).isEqualTo(new RolloutLimits(maxSurge, maxUnavailable));
    }

    @Test
    void minAvailableIsTheReplicasLessTheUnavailable() {
        assertThat(limits(10, "25%", "25%").minAvailable(10)).isEqualTo(8);
    }

    @Test
    void recreateHasNoSurgeAndMayLoseEveryReplica() {
        Deployment.Spec spec = new DeploymentSpec("web").replicas(4).recreate().build().spec();

        assertThat(RolloutLimits.recreates(spec)).isTrue();
        assertThat(RolloutLimits.of(spec)).isEqualTo(new RolloutLimits(0, 4));
    }
}
