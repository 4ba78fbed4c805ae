package dev.berth.exec.probe;

import dev.berth.ssh.CommandResult;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code exec} probe: {@code docker exec CONTAINER COMMAND...} on the container's node, each word as given
 * (no shell, in the container or on the node); it passes on exit 0. Docker's exec has no timeout of its own, so
 * the command's deadline is the probe's {@code timeoutSeconds}.
 */
final class ExecProbe {
    private static final int SHOWN = 200;

    private ExecProbe() {
    }

    static List<String> argv(String containerId, List<String> command) {
        List<String> argv = new ArrayList<>(List.of("docker", "exec", containerId));
        argv.addAll(command);
        return List.copyOf(argv);
    }

    static ProbeResult result(CommandResult result) {
        if (result.succeeded()) {
            return ProbeResult.pass("exec probe exited 0");
        }
        String said = firstLine(result.stdoutText());
        if (said.isEmpty()) {
            said = firstLine(result.stderrText());
        }
        return ProbeResult.fail("exec probe exited " + result.exitCode() + (said.isEmpty() ? "" : ": " + said));
    }

    /** The first line that says something, cut to a readable length. */
    static String firstLine(String text) {
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (!stripped.isEmpty()) {
                return stripped.length() <= SHOWN ? stripped : stripped.substring(0, SHOWN - 3) + "...";
            }
        }
        return "";
    }
}
