package dev.berth.exec.probe;

import dev.berth.exec.probe.ProbeHistory.Kind;
import dev.berth.model.BerthLabels;
import dev.berth.model.ContainerProbes;
import dev.berth.model.IntOrString;
import dev.berth.model.ObservedContainer;
import dev.berth.model.Probe;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How probe results become a container's health, by Kubernetes' thresholds and delays. */
class ContainerHealthTest {
    static final Instant STARTED = Instant.parse("2025-01-01T12:00:00Z");
    static final ProbeResult PASS = ProbeResult.pass("HTTP probe succeeded with statuscode: 200");
    static final ProbeResult FAIL = ProbeResult.fail("HTTP probe failed with statuscode: 500");

    static Probe probe(int initialDelay, int period, int success, int failure) {
        return new Probe(new Probe.HttpGet("/ready", IntOrString.of(8080), "HTTP"), null, null, initialDelay, period,
                1, success, failure);
    }

    static ObservedContainer container(String status) {
        return new ObservedContainer("c1", "default_web-1_app", "app:v1", Map.of(BerthLabels.MANAGED, "true"),
                status, 0, false, null, 0, STARTED, STARTED, null, Map.of("berth", "172.18.0.5"), List.of());
    }

    /** The state after the given results, one per period, starting {@code firstAfter} seconds after the start. */
    static ProbeState results(Probe probe, int firstAfter, boolean seasoned, ProbeResult... results) {
        ProbeState state = ProbeState.NEVER;
        Instant at = STARTED.plusSeconds(firstAfter);
        for (ProbeResult result : results) {
            state = state.after(result, probe, at, STARTED, seasoned);
            at = at.plusSeconds(probe.periodSeconds());
        }
        return state;
    }

    static ProbeHistory.States states(Kind kind, ProbeState state) {
        Map<Kind, ProbeState> map = new EnumMap<>(Kind.class);
        map.put(kind, state);
        return new ProbeHistory.States(map);
    }

    static ObservedContainer readiness(Probe probe, ProbeState state, int secondsAfterStart) {
        return ContainerHealth.fold(container("running"), new ContainerProbes(probe, null, null),
                states(Kind.READINESS, state), STARTED.plusSeconds(secondsAfterStart));
    }

    @Nested
    class Readiness {
        @Test
        void oneSuccessMakesAContainerHealthyWithTheDefaults() {
            Probe probe = probe(0, 10, 1, 3);

            ObservedContainer folded = readiness(probe, results(probe, 1, true, PASS), 1);

            assertThat(folded.health()).isEqualTo("healthy");
            assertThat(folded.healthDetail()).isEqualTo("HTTP probe succeeded with statuscode: 200");
        }

        @Test
        void aFreshContainerNeedsSuccessThresholdPassesInARow() {
            Probe probe = probe(0, 10, 3, 3);

            assertThat(readiness(probe, results(probe, 1, true, PASS, PASS), 11).health()).isEqualTo("starting");
            assertThat(readiness(probe, results(probe, 1, true, PASS, FAIL, PASS, PASS), 31).health())
                    .isEqualTo("starting");
            assertThat(readiness(probe, results(probe, 1, true, PASS, PASS, PASS), 21).health()).isEqualTo("healthy");
        }

        @Test
        void aFreshContainerThatFailsIsNotReadyAndUnhealthyOnlyAfterFailureThresholdFailures() {
            Probe probe = probe(0, 10, 1, 3);

            ObservedContainer once = readiness(probe, results(probe, 1, true, FAIL), 1);
            assertThat(once.health()).isEqualTo("starting");
            assertThat(once.healthDetail()).isEqualTo("HTTP probe failed with statuscode: 500");
            assertThat(readiness(probe, results(probe, 1, true, FAIL, FAIL, FAIL), 21).health()).isEqualTo("unhealthy");
        }

        @Test
        void aReadyContainerStaysReadyUntilFailureThresholdFailuresInARow() {
            Probe probe = probe(0, 10, 1, 3);

            assertThat(readiness(probe, results(probe, 1, true, PASS, FAIL, FAIL), 21).health()).isEqualTo("healthy");
            assertThat(readiness(probe, results(probe, 1, true, PASS, FAIL, FAIL, PASS, FAIL, FAIL), 51).health())
                    .isEqualTo("healthy");
            assertThat(readiness(probe, results(probe, 1, true, PASS, FAIL, FAIL, FAIL), 31).health())
                    .isEqualTo("unhealthy");
            assertThat(readiness(probe, results(probe, 1, true, PASS, FAIL, FAIL, FAIL, PASS), 41).health())
                    .isEqualTo("healthy");
        }

        @Test
        void aRunThatFindsALongRunningContainerTakesItsFirstResultAsAFullStreak() {
            Probe probe = probe(0, 10, 3, 3);

            assertThat(readiness(probe, results(probe, 3600, true, PASS), 3600).health()).isEqualTo("healthy");
            assertThat(readiness(probe, results(probe, 3600, true, FAIL), 3600).health()).isEqualTo("unhealthy");
        }

        @Test
        void isStartingBeforeItsInitialDelay() {
            Probe probe = probe(15, 10, 1, 3);

            ObservedContainer folded = readiness(probe, ProbeState.NEVER, 14);

            assertThat(folded.health()).isEqualTo("starting");
            assertThat(folded.healthDetail())
                    .isEqualTo("the readiness probe starts 15s after the container (initialDelaySeconds)");
            assertThat(readiness(probe, results(probe, 15, true, PASS), 15).health()).isEqualTo("healthy");
        }

        @Test
        void leavesAContainerThatDoesNotRunAsDockerSawIt() {
            Probe probe = probe(0, 10, 1, 3);
            ObservedContainer exited = container("exited");

            assertThat(ContainerHealth.fold(exited, new ContainerProbes(probe, null, null),
                    states(Kind.READINESS, results(probe, 1, true, PASS)), STARTED.plusSeconds(1))).isSameAs(exited);
        }
    }

    @Nested
    class StartupAndLiveness {
        @Test
        void aStartupProbeKeepsTheContainerStartingUntilItPasses() {
            Probe startup = probe(0, 2, 1, 30);
            Probe ready = probe(0, 10, 1, 3);
            ContainerProbes probes = new ContainerProbes(ready, null, startup);

            ObservedContainer waiting = ContainerHealth.fold(container("running"), probes,
                    states(Kind.STARTUP, results(startup, 1, false, FAIL)), STARTED.plusSeconds(1));

            assertThat(waiting.health()).isEqualTo("starting");
            assertThat(waiting.healthDetail()).isEqualTo("startup probe: HTTP probe failed with statuscode: 500");
            assertThat(ContainerHealth.started(probes, states(Kind.STARTUP, results(startup, 1, false, PASS)),
                    STARTED, STARTED.plusSeconds(1))).isTrue();
        }

        @Test
        void aContainerFoundRunningLongerThanItsStartupBudgetIsPastItsStartupProbe() {
            Probe startup = probe(0, 2, 1, 30);
            ContainerProbes probes = new ContainerProbes(probe(0, 10, 1, 3), null, startup);

            assertThat(ContainerHealth.started(probes, states(Kind.STARTUP, ProbeState.NEVER), STARTED,
                    STARTED.plusSeconds(59))).isFalse();
            assertThat(ContainerHealth.started(probes, states(Kind.STARTUP, ProbeState.NEVER), STARTED,
                    STARTED.plusSeconds(60))).isTrue();
        }

        @Test
        void withoutReadinessProbeAContainerHasNoHealthWordOnceStarted() {
            Probe alive = probe(0, 10, 1, 3);

            ObservedContainer folded = ContainerHealth.fold(container("running"), new ContainerProbes(null, alive, null),
                    states(Kind.LIVENESS, results(alive, 1, false, FAIL)), STARTED.plusSeconds(1));

            assertThat(folded.health()).isNull();
            assertThat(folded.healthDetail()).isEqualTo("liveness probe: HTTP probe failed with statuscode: 500");
        }

        @Test
        void livenessAsksForARestartOnlyAfterFailureThresholdFailuresSeenInThisRun() {
            Probe alive = probe(0, 10, 1, 3);

            assertThat(ContainerHealth.restartReason(states(Kind.LIVENESS,
                    results(alive, 3600, false, FAIL, FAIL)))).isEmpty();
            assertThat(ContainerHealth.restartReason(states(Kind.LIVENESS,
                    results(alive, 3600, false, FAIL, FAIL, FAIL))))
                    .contains("liveness probe failed 3 times in a row: HTTP probe failed with statuscode: 500");
            assertThat(ContainerHealth.restartReason(states(Kind.LIVENESS,
                    results(alive, 3600, false, FAIL, FAIL, FAIL, PASS)))).isEmpty();
        }

        @Test
        void aStartupProbeThatFailsItsThresholdMakesTheContainerUnhealthyAndAsksForARestart() {
            Probe startup = probe(0, 2, 1, 2);
            ProbeState failed = results(startup, 1, false, FAIL, FAIL);

            ObservedContainer folded = ContainerHealth.fold(container("running"),
                    new ContainerProbes(null, null, startup), states(Kind.STARTUP, failed), STARTED.plusSeconds(3));

            assertThat(folded.health()).isEqualTo("unhealthy");
            assertThat(ContainerHealth.restartReason(states(Kind.STARTUP, failed)))
                    .contains("startup probe failed 2 times in a row: HTTP probe failed with statuscode: 500");
        }
    }

    @Test
    void aProbeIsDueAgainAfterItsPeriod() {
        Probe probe = probe(0, 10, 1, 3);
        ProbeState state = results(probe, 0, true, PASS);

        assertThat(ProbeState.NEVER.due(probe, STARTED)).isTrue();
        assertThat(state.due(probe, STARTED.plusSeconds(9))).isFalse();
        assertThat(state.due(probe, STARTED.plusSeconds(10))).isTrue();
    }
}
