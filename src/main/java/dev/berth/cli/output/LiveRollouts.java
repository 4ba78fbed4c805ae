package dev.berth.cli.output;

import dev.berth.exec.RunNotes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rollout progress on a terminal: one line per Deployment under way, drawn in place at the bottom of stderr
 * and redrawn as its waves go; every other line (steps, failures, rollbacks) scrolls above it as usual. Only
 * where stderr is a terminal that can do it: elsewhere berth prints plain lines.
 */
public final class LiveRollouts implements RunNotes, AutoCloseable {
    private final Terminal terminal;
    private final Status status;
    private final PrintWriter lines;
    private final Map<String, String> standing = new LinkedHashMap<>();

    LiveRollouts(Terminal terminal) {
        this.terminal = terminal;
        this.status = Status.getStatus(terminal, true);
        this.lines = terminal.writer();
    }

    /** The live display on this process's stderr, when it is a terminal that can draw one. */
    public static Optional<LiveRollouts> onStderr() {
        try {
            Terminal terminal = TerminalBuilder.builder().system(true)
                    .systemOutput(TerminalBuilder.SystemOutput.SysErr).dumb(true).build();
            if (terminal.getType().startsWith(Terminal.TYPE_DUMB) || terminal.getHeight() < 2) {
                terminal.close();
                return Optional.empty();
            }
            return Optional.of(new LiveRollouts(terminal));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Where the display writes the lines that scroll above it. */
    public PrintWriter writer() {
        return lines;
    }

    @Override
    public synchronized void accept(String line) {
        lines.println(line);
        lines.flush();
        redraw();
    }

    @Override
    public synchronized void progress(String deployment, String line) {
        standing.put(deployment, line);
        redraw();
    }

    @Override
    public synchronized void finished(String deployment, String line) {
        standing.remove(deployment);
        accept(line);
    }

    private void redraw() {
        int width = Math.max(terminal.getWidth(), 20);
        List<AttributedString> shown = standing.values().stream()
                .map(line -> new AttributedString(line.length() < width ? line : line.substring(0, width - 1)))
                .toList();
        status.update(shown);
        terminal.flush();
    }

    @Override
    public synchronized void close() {
        standing.values().forEach(lines::println);
        standing.clear();
        status.update(List.of());
        status.close();
        lines.flush();
        try {
            terminal.close();
        } catch (IOException e) {
            // the display is gone either way
        }
    }
}
