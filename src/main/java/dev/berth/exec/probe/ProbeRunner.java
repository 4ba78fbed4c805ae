package dev.berth.exec.probe;

import dev.berth.docker.MalformedOutputException;
import dev.berth.docker.ProbeLabel;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.NodeObservation;
import dev.berth.exec.probe.ProbeHistory.Kind;
import dev.berth.model.BerthLabels;
import dev.berth.model.ContainerProbes;
import dev.berth.model.NodeSnapshot;
import dev.berth.model.ObservedContainer;
import dev.berth.model.Probe;
import dev.berth.ssh.FailureKind;
import dev.berth.ssh.SshFailure;
import dev.berth.ssh.SshTarget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs the probes of every running berth container that carries them ({@link BerthLabels#PROBES}) and folds the
 * results into the observed containers' health, as Kubernetes' kubelet would (docs/adr/0008-probes.md). One
 * runner per berth run: it remembers what it saw, so a run that observes several times counts consecutive
 * results and probes each container no more often than its {@code periodSeconds}. Nodes are probed in parallel
 * with the run's bounded fan-out, over their one SSH session, at most {@link #PER_NODE} probes at a time per node.
 */
public final class ProbeRunner {
    /** Probes in flight on one node; below sshd's default MaxSessions (10), which exec probes count against. */
    static final int PER_NODE = 4;
    /** The Docker network berth's replicas join (the planner's PodBlueprint.NETWORK). */
    private static final String NETWORK = "berth";

    private final ClusterAccess access;
    private final Clock clock;
    private final ProbeHistory history = new ProbeHistory();
    private final PortProbes ports;
    private volatile List<LivenessFailure> livenessFailures = List.of();

    public ProbeRunner(ClusterAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
        this.ports = new PortProbes(access.transport());
    }

    /**
     * Probes the running, probed containers of every ready node and returns the observations with their
     * containers' health and health detail filled in; other nodes and containers are returned as they were.
     */
    public List<NodeObservation> probe(List<NodeObservation> observed) {
        Instant now = clock.instant();
        Map<String, List<Probed>> byNode = new LinkedHashMap<>();
        for (NodeObservation observation : observed) {
            if (observation.ready() && observation.snapshot() != null) {
                byNode.put(observation.node().name(), probed(observation.snapshot()));
            }
        }
        List<SshTarget> targets = byNode.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(p -> p.probes() != null))
                .map(entry -> access.node(entry.getKey())).toList();
        access.onNodes(targets, node -> probeNode(node, byNode.get(node.name()), now));
        List<NodeObservation> folded = new ArrayList<>();
        List<LivenessFailure> failures = new ArrayList<>();
        for (NodeObservation observation : observed) {
            List<Probed> containers = byNode.get(observation.node().name());
            if (containers == null) {
                folded.add(observation);
                continue;
            }
            Map<String, Probed> byId = new LinkedHashMap<>();
            containers.forEach(p -> byId.put(p.container().id(), p));
            List<ObservedContainer> healths = new ArrayList<>();
            for (ObservedContainer container : observation.snapshot().containers()) {
                Probed probed = byId.get(container.id());
                healths.add(probed == null ? container : fold(observation.node().name(), probed, now, failures));
            }
            NodeSnapshot snapshot = observation.snapshot();
            folded.add(new NodeObservation(observation.node(), observation.status(), snapshot.withContainers(healths),
                    observation.reason(),
                    observation.usage()));
        }
        livenessFailures = List.copyOf(failures);
        return List.copyOf(folded);
    }

    /**
     * The running containers whose liveness (or startup) probe failed {@code failureThreshold} times in a row
     * in this run, as of the last {@link #probe}: the caller restarts them, as the kubelet would.
     */
    public List<LivenessFailure> livenessFailures() {
        return livenessFailures;
    }

    /** A running container with a probes label: its probes (null when the label cannot be read) and address. */
    private record Probed(ObservedContainer container, ContainerProbes probes, String address, String unreadable) {
    }

    private static List<Probed> probed(NodeSnapshot snapshot) {
        List<Probed> probed = new ArrayList<>();
        for (ObservedContainer container : snapshot.containers()) {
            String label = container.label(BerthLabels.PROBES);
            if (!container.managedByBerth() || label == null || !container.running()) {
                continue;
            }
            try {
                probed.add(new Probed(container, ProbeLabel.read(label), address(container, snapshot), null));
            } catch (MalformedOutputException e) {
                probed.add(new Probed(container, null, null, e.getMessage()));
            }
        }
        return probed;
    }

    /**
     * The container's address on berth's network; a container that shares the network of its pod's first
     * container (as the others of a pod do) has the first container's address.
     */
    private static String address(ObservedContainer container, NodeSnapshot snapshot) {
        String own = address(container);
        if (own != null) {
            return own;
        }
        return snapshot.containers().stream()
                .filter(c -> Objects.equals(c.label(BerthLabels.POD), container.label(BerthLabels.POD))
                        && Objects.equals(c.label(BerthLabels.NAMESPACE), container.label(BerthLabels.NAMESPACE)))
                .map(ProbeRunner::address).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String address(ObservedContainer container) {
        Map<String, String> addresses = container.networkAddresses();
        return addresses.containsKey(NETWORK) ? addresses.get(NETWORK)
                : addresses.values().stream().sorted().findFirst().orElse(null);
    }

    private ObservedContainer fold(String node, Probed probed, Instant now, List<LivenessFailure> failures) {
        ObservedContainer container = probed.container();
        if (probed.probes() == null) {
            return container.withHealth(ContainerHealth.UNHEALTHY, probed.unreadable());
        }
        ProbeHistory.States states = history.states(container.id(), container.startedAt());
        ContainerHealth.restartReason(states).ifPresent(reason ->
                failures.add(new LivenessFailure(node, container.id(), container.name(), reason)));
        return ContainerHealth.fold(container, probed.probes(), states, now);
    }

    private CompletableFuture<Void> probeNode(SshTarget node, List<Probed> containers, Instant now) {
        InFlight inFlight = new InFlight(PER_NODE);
        return CompletableFuture.allOf(containers.stream().filter(p -> p.probes() != null)
                .map(p -> probeContainer(node, p, now, inFlight)).toArray(CompletableFuture[]::new));
    }

    /** The startup probe until it passes, then readiness and liveness, each when due. */
    private CompletableFuture<Void> probeContainer(SshTarget node, Probed probed, Instant now, InFlight inFlight) {
        ObservedContainer container = probed.container();
        ContainerProbes probes = probed.probes();
        CompletableFuture<Void> startup = CompletableFuture.completedFuture(null);
        if (!ContainerHealth.started(probes, history.states(container.id(), container.startedAt()),
                container.startedAt(), now)) {
            startup = whenDue(node, probed, Kind.STARTUP, probes.startupProbe(), now, inFlight);
        }
        return startup.thenCompose(done -> {
            if (!ContainerHealth.started(probes, history.states(container.id(), container.startedAt()),
                    container.startedAt(), now)) {
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.allOf(
                    whenDue(node, probed, Kind.READINESS, probes.readinessProbe(), now, inFlight),
                    whenDue(node, probed, Kind.LIVENESS, probes.livenessProbe(), now, inFlight));
        });
    }

    private CompletableFuture<Void> whenDue(SshTarget node, Probed probed, Kind kind, Probe probe, Instant now,
                                            InFlight inFlight) {
        ObservedContainer container = probed.container();
        ProbeState state = probe == null ? null : history.states(container.id(), container.startedAt()).of(kind);
        if (probe == null || !ContainerHealth.waited(probe, container.startedAt(), now) || !state.due(probe, now)) {
            return CompletableFuture.completedFuture(null);
        }
        return inFlight.submit(() -> run(node, probed, probe)).thenAccept(result -> history.put(container.id(),
                container.startedAt(), kind, state.after(result, probe, now, container.startedAt(),
                        kind == Kind.READINESS)));
    }

    /** One probe, whatever its handler; never fails: what went wrong is the result's detail. */
    private CompletableFuture<ProbeResult> run(SshTarget node, Probed probed, Probe probe) {
        int timeout = probe.timeoutSeconds();
        CompletableFuture<ProbeResult> result;
        if (probe.exec() != null) {
            SshTarget bounded = node.withTimeouts(node.connectTimeout(), Duration.ofSeconds(timeout));
            result = access.transport().run(bounded, ExecProbe.argv(probed.container().id(), probe.exec().command()))
                    .thenApply(ExecProbe::result);
        } else if (probed.address() == null) {
            result = CompletableFuture.completedFuture(ProbeResult.fail("the container has no address on its network"));
        } else if (probe.httpGet() != null) {
            result = ports.http(node, probed.address(), probe.httpGet().port().number(), probe.httpGet(), timeout);
        } else {
            result = ports.tcp(node, probed.address(), probe.tcpSocket().port().number(), timeout);
        }
        return result.exceptionally(error -> ProbeResult.fail(failed(error, timeout)));
    }

    /** A transport failure in a probe's words: a command past its deadline is a probe that timed out. */
    static String failed(Throwable error, int timeoutSeconds) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof SshFailure failure && failure.kind() == FailureKind.TIMEOUT) {
            return ProbeResult.timedOut(timeoutSeconds).detail();
        }
        return String.valueOf(cause.getMessage());
    }
}
