package dev.berth.exec;

import dev.berth.ssh.CommandResult;

import java.util.List;

/** The line of what nginx (or docker) printed that says why a step failed. */
final class NginxMessages {
    private NginxMessages() {
    }

    /** nginx's first {@code [emerg]} line, else the first line printed, else the exit code. */
    static String reason(CommandResult result) {
        List<String> lines = (result.stderrText() + "\n" + result.stdoutText()).lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        return lines.stream().filter(line -> line.contains("[emerg]")).findFirst()
                .or(() -> lines.stream().findFirst()).orElse("exit " + result.exitCode());
    }

    /** The last {@code [emerg]}, {@code [alert]} or {@code [crit]} line of nginx's log; empty when there is none. */
    static String lastComplaint(CommandResult log) {
        List<String> lines = (log.stdoutText() + "\n" + log.stderrText()).lines().map(String::strip)
                .filter(line -> line.contains("[emerg]") || line.contains("[alert]") || line.contains("[crit]"))
                .toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
