package dev.berth.cli.converge;

import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.move.VolumeMove;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** {@code berth volume move CLAIM --to NODE}. */
@Command(name = "move",
        description = {"Move a claim's data, and the replicas that mount it, to another node.",
                "A first copy is made while the replicas run; then they stop, a final copy passes what changed, "
                        + "and the checksums of both sides are compared before the replicas start on the target "
                        + "and must be ready there. The data goes through berth's SSH sessions: the nodes need not "
                        + "reach each other. The source keeps its copy unless --delete-source is given or the "
                        + "claim's reclaim policy is Delete. Should anything fail, or the run be killed, the data "
                        + "on the source is unchanged and the replicas run there again (after berth reconcile, "
                        + "when killed)."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Move the claim db-data of the current namespace to node-3",
                "  berth volume move db-data --to node-3",
                "",
                "  # Check first that it can be done",
                "  berth volume move pvc/db-data --to node-3 --dry-run",
                "",
                "  # Read at most 20 MiB/s; remove the old copy once the replicas run on node-3",
                "  berth volume move pvc/db-data --to node-3 --limit-rate 20M --delete-source"})
public final class VolumeMoveCommand extends ConvergingCommand {

    @Parameters(paramLabel = "CLAIM", description = "The claim's name, or pvc/NAME.")
    String claim;

    @Option(names = "--to", required = true, paramLabel = "NODE", description = "The node the data goes to.")
    String target;

    @Option(names = "--delete-source",
            description = "Remove the source's volume once the replicas are ready on the target.")
    boolean deleteSource;

    @Option(names = "--limit-rate", paramLabel = "RATE",
            description = "Read at most RATE bytes per second, with an optional K, M or G (1024-based), e.g. 20M.")
    String limitRate;

    @Option(names = "--dry-run", description = "Check that the move can be made, and say what it would do.")
    boolean dryRun;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "How long the replicas may take to be ready on the target (default: the longest "
                    + "progressDeadlineSeconds of the Deployments that mount the claim).")
    Duration timeout;

    @Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "0s",
            description = "How long to wait for another run's lock before failing (default: ${DEFAULT-VALUE}).")
    Duration lockWait;

    @Override
    public Integer call() {
        String name = claimName(claim);
        requireNode(target);
        VolumeMove.Request request = new VolumeMove.Request(namespace(), name, target, deleteSource,
                rate(limitRate), timeout);
        moveVolumes("volume move", List.of(request), lockWait, dryRun);
        return ExitCode.OK.code();
    }

    private static String claimName(String given) {
        String[] parts = given.split("/", 2);
        if (parts.length == 1) {
            return parts[0];
        }
        String kind = parts[0].toLowerCase(Locale.ROOT);
        if (!List.of("pvc", "persistentvolumeclaim", "persistentvolumeclaims").contains(kind) || parts[1].isEmpty()) {
            throw new InvalidInputException("name the claim as NAME or pvc/NAME, got \"" + given + "\"");
        }
        return parts[1];
    }

    /** Bytes per second from {@code 20M}, {@code 512K}, {@code 1G} or plain bytes; 0 without a limit. */
    static long rate(String given) {
        if (given == null) {
            return 0;
        }
        String text = given.strip().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (text.endsWith("K") || text.endsWith("M") || text.endsWith("G")) {
            unit = switch (text.charAt(text.length() - 1)) {
                case 'K' -> 1024L;
                case 'M' -> 1024L * 1024;
                default -> 1024L * 1024 * 1024;
            };
            text = text.substring(0, text.length() - 1);
        }
        if (!text.matches("[0-9]{1,12}") || Long.parseLong(text) == 0) {
            throw new InvalidInputException("--limit-rate takes a positive number of bytes per second with an "
                    + "optional K, M or G, e.g. 20M; got \"" + given + "\"");
        }
        return Long.parseLong(text) * unit;
    }
}
