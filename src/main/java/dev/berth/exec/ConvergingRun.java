package dev.berth.exec;

import dev.berth.error.ClusterException;
import dev.berth.model.Cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A converging verb from start to end: converge; when replicas are left Pending for lack of room and the
 * inventory names a provisioner, add one server with it and converge once more, on the grown cluster. Never on
 * a dry run or after a failed step, and at most once a run, so a provisioner whose servers are too small cannot
 * add server after server. See docs/adr/0007-provisioner.md.
 */
public final class ConvergingRun {
    private final Function<Cluster, Convergence.Outcome> converge;
    private final Provisioning provisioning;
    private final Consumer<String> say;

    /**
     * @param converge     one convergence of a cluster, from observing it to its last step
     * @param provisioning adds a server when one is wanted
     * @param say          takes each line a person should read about the provisioner
     */
    public ConvergingRun(Function<Cluster, Convergence.Outcome> converge, Provisioning provisioning,
                         Consumer<String> say) {
        this.converge = converge;
        this.provisioning = provisioning;
        this.say = say;
    }

    /** Hears of each convergence as it ends, so that a person sees the first before the provisioner runs. */
    @FunctionalInterface
    public interface Listener {
        /** {@code again} is true for the convergence after the provisioner added a server. */
        void converged(Convergence.Outcome outcome, boolean again);
    }

    /** The last convergence of the run, and the server it added, if any. */
    public record Result(Convergence.Outcome outcome, Optional<Provisioning.Provisioned> provisioned) {

        /**
         * Nothing when the cluster reached the desired state; otherwise the reason, as an error of exit code 3:
         * a failed step, a replica still Pending, replicas not ready in time, or a node that was not reached.
         */
        public void requireDesiredState() {
            if (!outcome.failures().isEmpty()) {
                throw new ClusterException(RolloutReport.of(outcome.failures(), outcome.rolledBackTo(),
                        outcome.paused()));
            }
            if (outcome.failed()) {
                long failed = outcome.steps().stream().filter(StepResult::failed).count();
                throw new ClusterException(failed + " of " + outcome.steps().size() + " steps failed (see above); "
                        + "what was not done is retried by the next run, e.g. berth reconcile");
            }
            if (!outcome.plan().pending().isEmpty()) {
                int count = outcome.plan().pending().size();
                String still = provisioned.map(p -> "provisioned " + p.node() + "; " + count
                        + (count == 1 ? " replica" : " replicas") + " still Pending; ").orElse("");
                throw new ClusterException(still + "the cluster did not reach the desired state: " + String.join("; ",
                        outcome.plan().pending().stream().map(p -> p.deployment() + " has a Pending replica: "
                                + p.reason()).distinct().toList()));
            }
            if (outcome.waited().asked() && !outcome.waited().ready()) {
                throw new ClusterException("timed out waiting for replicas: " + outcome.waited().missing());
            }
            List<String> unready = outcome.observed().stream().filter(o -> !o.ready()).map(o -> o.node().name())
                    .toList();
            if (!unready.isEmpty()) {
                throw new ClusterException("converged on the nodes that answered, but " + String.join(", ", unready)
                        + (unready.size() == 1 ? " was" : " were") + " not reached (see the warning above); "
                        + "the next run acts on " + (unready.size() == 1 ? "it" : "them") + " once reachable");
            }
        }
    }

    /** Converges {@code cluster}, read from {@code inventory}, growing it once when that is wanted. */
    public Result run(Cluster cluster, Path inventory, boolean dryRun, Listener listener) {
        Convergence.Outcome outcome = converge.apply(cluster);
        listener.converged(outcome, false);
        if (dryRun || outcome.failed() || !Provisioning.wanted(cluster, outcome.plan().pending())) {
            return new Result(outcome, Optional.empty());
        }
        Provisioning.Provisioned provisioned = provisioning.addNode(cluster, inventory, outcome.plan().pending());
        say.accept("provisioned " + provisioned.node() + "; added it to " + inventory + " and converging again");
        Convergence.Outcome again = converge.apply(provisioned.cluster());
        listener.converged(again, true);
        return new Result(again, Optional.of(provisioned));
    }
}
