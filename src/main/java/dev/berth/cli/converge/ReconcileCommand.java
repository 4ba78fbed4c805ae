package dev.berth.cli.converge;

import dev.berth.error.BerthException;
import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.Convergence;
import dev.berth.plan.Scope;
import dev.berth.model.Durations;
import dev.berth.state.StoredManifests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code berth reconcile}: the cron job. Converges the cluster to the desired state stored by the last apply:
 * dead replicas replaced, replicas of lost nodes started elsewhere, surplus removed when a node returns.
 */
@Command(name = "reconcile",
        description = {"Heal the cluster: converge it to the desired state stored on the cluster by the last apply "
                + "(or to -f files, replacing the stored state).",
                "Quiet when nothing changed, so it suits cron: * * * * * berth reconcile. With --check it only "
                        + "reports drift: exit code 1 when the cluster differs, 0 when in sync."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Converge the cluster to the desired state the last apply stored",
                "  berth reconcile",
                "",
                "  # Only report drift: exit code 1 when the cluster differs",
                "  berth reconcile --check",
                "",
                "  # Heal every 30s until interrupted; wait up to 2m for another run's lock",
                "  berth reconcile --watch --interval 30s --lock-wait 2m",
                "",
                "  # Make the files the whole desired state, deleting the rest; look first",
                "  berth reconcile -f app/ -R --dry-run",
                "  berth reconcile -f app/ -R"})
public final class ReconcileCommand extends ConvergingCommand {

    @Mixin
    ManifestOptions manifests;

    @Mixin
    ConvergeOptions converge;

    @Option(names = "--check", description = "Only report drift (exit 1) without changing anything.")
    boolean check;

    @Option(names = "--watch", description = "Keep reconciling, every --interval, until interrupted.")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1m",
            description = "Pause between runs with --watch (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Override
    public Integer call() throws InterruptedException {
        if (interval.isZero()) {
            throw new InvalidInputException("--interval must be longer than 0s (use e.g. 30s, 1m)");
        }
        UnaryOperator<dev.berth.state.StateRecord> change = UnaryOperator.identity();
        if (manifests.given()) {
            Map<String, String> objects = StoredManifests.encode(manifests.load(environment(), manifestNamespace(), err()));
            change = record -> ApplyCommand.merge(record, objects, Pruning.EVERYTHING);
        }
        Convergence.Options options = converge.options();
        if (check) {
            return diff(change, Scope.CLUSTER) ? ExitCode.DIFFERENCES.code() : ExitCode.OK.code();
        }
        if (!watch) {
            return converge("reconcile", change, options, true);
        }
        while (true) {
            try {
                readInventoryAgain();
                converge("reconcile", change, options, true);
            } catch (BerthException e) {
                err().println("error: " + e.getMessage() + " (trying again in " + Durations.format(interval) + ")");
                err().flush();
            }
            Thread.sleep(interval.toMillis());
        }
    }
}
