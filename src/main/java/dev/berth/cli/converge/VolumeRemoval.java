package dev.berth.cli.converge;

import dev.berth.cli.Environment;
import dev.berth.docker.NodeCommands;
import dev.berth.error.ClusterException;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.ClusterAccess;
import dev.berth.ssh.CommandResult;
import dev.berth.ssh.NodeResult;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The removal of the Docker volumes of deleted claims whose reclaim policy is Delete: asked for first, on a
 * terminal, and carried out once their replicas are gone. Docker refuses to remove a volume a container uses.
 */
final class VolumeRemoval {
    private final ClusterAccess access;

    VolumeRemoval(ClusterAccess access) {
        this.access = access;
    }

    /**
     * Asks on the terminal whether the data of {@code losing} may go; without a terminal, the user must have given
     * {@code --yes}. A refusal is exit code 2, with nothing touched.
     */
    static void confirm(List<ClaimRelease.Released> losing, Environment environment, PrintWriter err) {
        String what = losing.stream().map(ClaimRelease.Released::where).collect(Collectors.joining(", "));
        if (!environment.interactive()) {
            throw new InvalidInputException("deleting " + what + " deletes its data (reclaim policy Delete): add "
                    + "--yes to confirm (nothing was touched)");
        }
        err.print("Deleting " + what + " deletes its data (reclaim policy Delete). Continue? [y/N] ");
        err.flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(environment.stdin(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String word = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
        if (!word.equals("y") && !word.equals("yes")) {
            throw new InvalidInputException("not confirmed" + (answer == null ? " (no answer on standard input)" : "")
                    + ": nothing was deleted; --yes deletes without asking");
        }
    }

    /** Removes each claim's volume from the nodes that hold it; one line per removal, a failure at the end. */
    List<String> remove(List<ClaimRelease.Released> claims) {
        List<String> lines = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ClaimRelease.Released claim : claims) {
            List<NodeResult<CommandResult>> results = access.onNodes(claim.nodes().stream().map(access::node).toList(),
                    node -> access.transport().run(node, NodeCommands.removeVolume(claim.volume())));
            for (NodeResult<CommandResult> result : results) {
                if (result instanceof NodeResult.Ok<CommandResult> ok && ok.value().succeeded()) {
                    lines.add("volume " + claim.volume() + " removed from " + ok.node());
                } else if (result instanceof NodeResult.Ok<CommandResult> ok) {
                    failures.add(claim.volume() + " on " + ok.node() + ": " + ok.value().stderrText().strip());
                } else if (result instanceof NodeResult.Failed<CommandResult> failed) {
                    failures.add(claim.volume() + " on " + failed.node() + ": " + failed.message());
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new ClusterException("cannot remove volume " + String.join("; ", failures)
                    + (lines.isEmpty() ? "" : " (" + String.join(", ", lines) + ")") + "; it is kept, remove it "
                    + "with docker volume rm on the node");
        }
        return lines;
    }
}
