package dev.berth.exec.probe;

import dev.berth.exec.probe.ProbeHistory.Kind;
import dev.berth.model.ContainerProbes;
import dev.berth.model.ObservedContainer;
import dev.berth.model.Probe;

import java.time.Instant;
import java.util.Optional;

/**
 * Folds what the probes of a running container found into its health (docs/adr/0008-probes.md):
 * {@code starting} while a startup probe has not passed or before the readiness probe's
 * {@code initialDelaySeconds}, then {@code healthy} once readiness passes and {@code unhealthy} once it fails
 * {@code failureThreshold} times in a row; {@code null} for a container without readiness probe. Pure.
 */
final class ContainerHealth {
    static final String STARTING = "starting";
    static final String HEALTHY = "healthy";
    static final String UNHEALTHY = "unhealthy";

    private ContainerHealth() {
    }

    static ObservedContainer fold(ObservedContainer container, ContainerProbes probes, ProbeHistory.States states,
                                  Instant now) {
        if (!container.running()) {
            return container;
        }
        ProbeState startup = states.of(Kind.STARTUP);
        if (!started(probes, states, container.startedAt(), now)) {
            return startup.failing()
                    ? container.withHealth(UNHEALTHY, "startup probe: " + startup.detail())
                    : container.withHealth(STARTING, startup.detail() == null ? "waiting for the startup probe"
                    : "startup probe: " + startup.detail());
        }
        Probe readiness = probes.readinessProbe();
        ProbeState liveness = states.of(Kind.LIVENESS);
        if (readiness == null) {
            return container.withHealth(null, liveness.failures() > 0 ? "liveness probe: " + liveness.detail() : null);
        }
        ProbeState ready = states.of(Kind.READINESS);
        if (!waited(readiness, container.startedAt(), now)) {
            return container.withHealth(STARTING, "the readiness probe starts " + readiness.initialDelaySeconds()
                    + "s after the container (initialDelaySeconds)");
        }
        if (ready.attempts() == 0) {
            return container.withHealth(STARTING, "not probed yet");
        }
        String health = ready.passing() ? HEALTHY : ready.failing() ? UNHEALTHY : STARTING;
        return container.withHealth(health, ready.detail());
    }

    /**
     * Whether the container is past its startup probe: it has none, it passed in this run, or (seen for the first
     * time) it has been running longer than the probe's whole budget, {@code initialDelaySeconds + periodSeconds x
     * failureThreshold}, after which Kubernetes would have either passed it or restarted it.
     */
    static boolean started(ContainerProbes probes, ProbeHistory.States states, Instant startedAt, Instant now) {
        Probe startup = probes.startupProbe();
        if (startup == null) {
            return true;
        }
        ProbeState state = states.of(Kind.STARTUP);
        return state.passing()
                || state.attempts() == 0 && ProbeState.ranFor(startup, startup.failureThreshold(), startedAt, now);
    }

    /** Whether a probe's {@code initialDelaySeconds} have passed since the container started. */
    static boolean waited(Probe probe, Instant startedAt, Instant now) {
        return startedAt == null || !now.isBefore(startedAt.plusSeconds(probe.initialDelaySeconds()));
    }

    /** Why the container must be restarted: its liveness (or startup) probe failed failureThreshold times in a row. */
    static Optional<String> restartReason(ProbeHistory.States states) {
        for (Kind kind : new Kind[]{Kind.STARTUP, Kind.LIVENESS}) {
            ProbeState state = states.of(kind);
            if (state.failing()) {
                return Optional.of(kind.word() + " probe failed " + state.failures() + " times in a row: "
                        + state.detail());
            }
        }
        return Optional.empty();
    }
}
