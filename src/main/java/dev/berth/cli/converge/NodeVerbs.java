package dev.berth.cli.converge;

import dev.berth.exec.move.VolumeMove;
import dev.berth.state.ClaimBinding;
import dev.berth.state.StateRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Set;

/** The verbs that take a node in and out of service: cordon, uncordon, drain. */
public final class NodeVerbs {

    private NodeVerbs() {
    }

    /** {@code NODE} and the converging options, which every node verb takes. */
    abstract static class NodeVerb extends ConvergingCommand {
        @Parameters(paramLabel = "NODE", description = "The node's name in the inventory.")
        String node;

        @Mixin
        ConvergeOptions converge;
    }

    /** {@code berth cordon NODE}: no new replica goes to the node; those running there stay. */
    @Command(name = "cordon", description = "Mark a node unschedulable: no new replica goes there; running ones stay.",
            footerHeading = "%nExamples:%n",
            footer = {
                    "  # Send no new replica to node-2; get nodes shows it SchedulingDisabled",
                    "  berth cordon node-2",
                    "",
                    "  # The same on the cluster of the context prod, showing first what would change",
                    "  berth --context prod cordon node-2 --dry-run"})
    public static final class Cordon extends NodeVerb {
        @Override
        public Integer call() {
            return mark(node, true, converge.options());
        }
    }

    /** {@code berth uncordon NODE}: the node takes new replicas again. */
    @Command(name = "uncordon", description = "Mark a node schedulable again.",
            footerHeading = "%nExamples:%n",
            footer = {
                    "  # Let node-2 take new replicas again",
                    "  berth uncordon node-2",
                    "",
                    "  # On the cluster of another inventory file",
                    "  berth uncordon node-2 --cluster staging.yaml"})
    public static final class Uncordon extends NodeVerb {
        @Override
        public Integer call() {
            return mark(node, false, converge.options());
        }
    }

    /**
     * {@code berth drain NODE}: cordon the node and move its replicas elsewhere: replacements start first, and
     * each of the node's replicas leaves the proxies' upstreams, then the node, once replacements are available,
     * so no Deployment ever has fewer available replicas than it asks for.
     */
    @Command(name = "drain", description = {"Cordon a node and move its replicas to other nodes.",
            "Replacements start first; each replica on the node leaves the edge and the Service proxies, then the "
                    + "node, once its replacement is ready. A replica whose replacement has nowhere to go stays, "
                    + "and the exit code is 3. Without --timeout the wait lasts at most the longest "
                    + "progressDeadlineSeconds.",
            "First, the data of every PersistentVolumeClaim on the node that a Deployment mounts moves to the node "
                    + "where that Deployment's next replica would go, as berth volume move does (see its help); "
                    + "--keep-volumes leaves it."},
            footerHeading = "%nExamples:%n",
            footer = {
                    "  # Move every replica off node-2 for maintenance, then put it back in service",
                    "  berth drain node-2",
                    "  berth uncordon node-2",
                    "",
                    "  # Show where its replicas would go, without moving any",
                    "  berth drain node-2 --dry-run",
                    "",
                    "  # Wait until the replacements are ready, at most 10 minutes",
                    "  berth drain node-2 --wait --timeout 10m",
                    "",
                    "  # Leave the claims' data where it is (their replicas stay on node-2)",
                    "  berth drain node-2 --keep-volumes"})
    public static final class Drain extends NodeVerb {
        @Option(names = "--keep-volumes",
                description = "Leave the claims' data on the node: the replicas that mount it stay there, their "
                        + "replacements Pending, and the exit code is 3.")
        boolean keepVolumes;

        @Override
        public Integer call() {
            requireNode(node);
            List<VolumeMove.Request> moved = keepVolumes ? List.of() : moveClaimsOff(node, converge.options());
            return drain(record -> {
                StateRecord cordoned = record.withCordon(node, true);
                for (VolumeMove.Request request : converge.options().dryRun() ? moved : List.<VolumeMove.Request>of()) {
                    cordoned = cordoned.withClaim(request.key(), ClaimBinding.on(request.target()));
                }
                return cordoned;
            }, converge.options(), Set.of(node));
        }
    }
}
