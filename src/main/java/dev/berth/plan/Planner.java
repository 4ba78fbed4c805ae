package dev.berth.plan;

import dev.berth.model.BerthLabels;
import dev.berth.model.Cluster;
import dev.berth.model.Deployment;
import dev.berth.model.ObservedPod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares the desired state with what runs and says what to do: {@code plan(desired, cluster) -> Plan}.
 * Pure: no I/O, and the same inputs with the same {@link PodNames} give the same plan.
 *
 * <p>Per Deployment: a replica on a reachable node whose containers all run (or restart, or are paused) is
 * alive; one with a dead container is removed and replaced; replicas on unreachable nodes are unknown, not
 * counted and never acted on, so they are replaced elsewhere and the surplus is removed when their node
 * returns. Missing replicas are placed by {@link Placement}. A changed spec starts a rollout, planned one
 * wave per call by {@link DeploymentPlan}: the caller carries out the plan, observes again and plans again
 * until the plan is {@link Plan#complete()}. Replicas of Deployments absent from the desired state are
 * removed, and so are the files of replicas that have no container left (a start that failed, a run killed
 * half-way). Containers berth did not create, or that name no Deployment, are never touched. Given the inventory's
 * edge, the plan also keeps the edge and the Service proxies in line with the replicas ({@link ProxyPlan}).
 */
public final class Planner {
    private final PodNames names;
    private final ProxyPlan proxies;

    /** A planner of replicas only: no edge, no Service proxies (tests of placement and rollouts). */
    public Planner(PodNames names) {
        this(names, null);
    }

    /** @param edge the inventory's edge: its image runs the edge and the Service proxies; null plans no proxy */
    public Planner(PodNames names, Cluster.Edge edge) {
        this.names = names;
        this.proxies = edge == null ? null : new ProxyPlan(edge);
    }

    /**
     * @param desired   the complete desired state
     * @param cluster   every node of the inventory as observed this run
     * @param revisions the revision each Deployment ({@code namespace/name}) has now, from the cluster-held
     *                  record; empty when unknown (revisions are then recovered from container labels)
     */
    public Plan plan(DesiredState desired, ClusterView cluster, Map<String, Revision> revisions) {
        return plan(desired, cluster, revisions, Scope.CLUSTER);
    }

    /**
     * As {@link #plan(DesiredState, ClusterView, Map)}, for the Deployments in {@code scope} only: the others'
     * replicas keep their room on the nodes and are otherwise left as they are, and so are replicas of
     * Deployments no longer desired unless the scope names them.
     */
    public Plan plan(DesiredState desired, ClusterView cluster, Map<String, Revision> revisions, Scope scope) {
        Map<String, NodeView> nodes = cluster.nodes().stream()
                .collect(Collectors.toMap(NodeView::name, Function.identity()));
        List<ObservedPod> observed = cluster.nodes().stream().filter(NodeView::reachable)
                .flatMap(node -> replicas(node).stream()).toList();
        Placement placement = new Placement(cluster);
        observed.stream().filter(ObservedPod::alive).forEach(placement::occupy);
        Set<String> taken = new HashSet<>();
        observed.forEach(pod -> taken.add(pod.name()));
        Steps steps = new Steps();
        cluster.nodes().stream().filter(NodeView::reachable).forEach(node -> {
            node.podDirectories().forEach(directory -> taken.add(directory.substring(directory.indexOf('/') + 1)));
            steps.cleanUp(PodRemoval.orphans(node, scope));
        });

        List<PendingReplica> pending = new ArrayList<>();
        Map<String, Revision> assigned = new TreeMap<>();
        Map<String, RolloutProgress> rollouts = new TreeMap<>();
        Set<String> wanted = new HashSet<>();
        desired.deployments().forEach(deployment -> wanted.add(DesiredState.key(deployment)));
        List<Deployment> deployments = desired.deployments().stream()
                .filter(deployment -> scope.covers(DesiredState.key(deployment)))
                .sorted(Comparator.comparing(DesiredState::key)).toList();
        for (Deployment deployment : deployments) {
            String key = DesiredState.key(deployment);
            String hash = SpecHash.of(deployment, desired);
            List<ObservedPod> pods = observed.stream().filter(pod -> deployment(pod).equals(key)).toList();
            Revision revision = RevisionNumbers.assign(revisions.get(key), hash, pods);
            assigned.put(key, revision);
            PodBlueprint blueprint = PodBlueprint.of(deployment, desired, hash);
            placement.followRunning(blueprint.demand(), pods);
            DeploymentPlan.Outcome outcome = new DeploymentPlan(blueprint, revision.number(), deployment.spec(),
                    cluster.observedAt(), nodes, placement, names, taken, steps).plan(key, pods);
            outcome.pending().forEach(reason -> pending.add(new PendingReplica(key, reason)));
            rollouts.put(key, outcome.progress());
        }
        observed.stream().filter(pod -> !wanted.contains(deployment(pod)) && scope.covers(deployment(pod)))
                .forEach(pod -> steps.remove(pod, nodes.get(pod.node()), "deployment deleted"));
        List<Action> actions = new ArrayList<>(steps.ordered());
        if (proxies != null) {
            actions.addAll(proxies.actions(desired, cluster.nodes(), Plan.removedContainers(actions)));
        }
        return new Plan(actions, pending, assigned, rollouts);
    }

    /**
     * The steps that empty a node being drained: every container of every replica of a Deployment on it
     * removed, then the replicas' files. Containers berth did not create stay.
     */
    public static List<Action> evictions(NodeView node) {
        Steps steps = new Steps();
        replicas(node).forEach(pod -> steps.remove(pod, node, "node drained"));
        return steps.ordered();
    }

    /**
     * The replicas on a node the planner acts on: the pods of the containers that name their namespace and
     * Deployment. Other containers, even berth's own (such as its proxies), are left alone.
     */
    static List<ObservedPod> replicas(NodeView node) {
        return ObservedPod.group(node.name(), node.containers().stream()
                .filter(c -> c.label(BerthLabels.NAMESPACE) != null && c.label(BerthLabels.DEPLOYMENT) != null)
                .toList());
    }

    /** The {@code namespace/name} of the Deployment a replica belongs to. */
    static String deployment(ObservedPod pod) {
        return DesiredState.key(pod.namespace(), pod.deployment());
    }
}
