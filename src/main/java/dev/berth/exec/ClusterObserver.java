package dev.berth.exec;

import dev.berth.docker.MalformedOutputException;
import dev.berth.docker.NodeProbe;
import dev.berth.docker.UsageProbe;
import dev.berth.exec.NodeObservation.NodeStatus;
import dev.berth.model.Cluster;
import dev.berth.ssh.CommandResult;
import dev.berth.ssh.NodeResult;
import dev.berth.ssh.SshTarget;

import java.util.ArrayList;
import java.util.List;

/** Observes every node of the cluster: one SSH round trip per node, all nodes awaited, failures kept per node. */
public final class ClusterObserver {
    private final ClusterAccess access;

    public ClusterObserver(ClusterAccess access) {
        this.access = access;
    }

    /** Every node's engine and berth containers. */
    public List<NodeObservation> observe() {
        return observe(false);
    }

    /** As {@link #observe()}, with the live usage of every running container (for {@code top}). */
    public List<NodeObservation> observeWithUsage() {
        return observe(true);
    }

    private List<NodeObservation> observe(boolean withUsage) {
        List<SshTarget> targets = access.nodes();
        List<String> command = withUsage ? UsageProbe.command() : NodeProbe.command();
        List<NodeResult<CommandResult>> results = access.onNodes(targets,
                target -> access.transport().run(target, command));
        List<NodeObservation> observations = new ArrayList<>(results.size());
        List<Cluster.Node> nodes = access.cluster().spec().nodes();
        for (int i = 0; i < results.size(); i++) {
            observations.add(observation(nodes.get(i), results.get(i), withUsage));
        }
        return List.copyOf(observations);
    }

    static NodeObservation observation(Cluster.Node node, NodeResult<CommandResult> result) {
        return observation(node, result, false);
    }

    static NodeObservation observation(Cluster.Node node, NodeResult<CommandResult> result, boolean withUsage) {
        if (result instanceof NodeResult.Failed<CommandResult> failed) {
            return new NodeObservation(node, NodeStatus.UNREACHABLE, null, failed.message());
        }
        CommandResult answer = ((NodeResult.Ok<CommandResult>) result).value();
        if (answer.exitCode() != 0) {
            return new NodeObservation(node, NodeStatus.NOT_READY, null,
                    node.name() + ": docker failed (exit " + answer.exitCode() + "): " + firstLine(answer.stderrText()));
        }
        try {
            if (withUsage) {
                UsageProbe.NodeUsage usage = UsageProbe.parse(answer.stdoutText());
                return new NodeObservation(node, NodeStatus.READY, usage.snapshot(), "", usage.usage());
            }
            return new NodeObservation(node, NodeStatus.READY, NodeProbe.parse(answer.stdoutText()), "");
        } catch (MalformedOutputException e) {
            return new NodeObservation(node, NodeStatus.NOT_READY, null, node.name() + ": " + e.getMessage());
        }
    }

    private static String firstLine(String text) {
        String trimmed = text == null ? "" : text.strip();
        int newline = trimmed.indexOf('\n');
        return trimmed.isEmpty() ? "no message" : newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}
