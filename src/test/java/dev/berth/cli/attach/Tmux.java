package dev.berth.cli.attach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A terminal a test types into and reads from: one tmux session on a server of its own (its own socket), sized
 * as asked, whose screen is read with {@code capture-pane}.
 */
final class Tmux {
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final String SESSION = "t";

    private final String socket;
    private final Path directory;

    Tmux(String socket, Path directory) {
        this.socket = socket;
        this.directory = directory;
    }

    /** Starts {@code command} (a shell command line) in a window of {@code columns} x {@code rows}. */
    void start(int columns, int rows, String command) throws IOException, InterruptedException {
        run("new-session", "-d", "-s", SESSION, "-x", Integer.toString(columns), "-y", Integer.toString(rows),
                "-c", directory.toString(), command);
    }

    /** Types a line and Enter. */
    void type(String line) throws IOException, InterruptedException {
        run("send-keys", "-t", SESSION, "-l", line);
        keys("Enter");
    }

    /** Presses keys by tmux's names, e.g. {@code C-c}. */
    void keys(String... names) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        args.addAll(List.of(names));
        run(args.toArray(String[]::new));
    }

    void resize(int columns, int rows) throws IOException, InterruptedException {
        run("resize-window", "-t", SESSION, "-x", Integer.toString(columns), "-y", Integer.toString(rows));
    }

    String screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-t", SESSION, "-S", "-200");
    }

    void awaitScreen(String what, Predicate<String> seen) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String screen = screen();
        while (!seen.test(screen)) {
            assertThat(System.nanoTime()).as("waited for %s; the screen:%n%s", what, screen).isLessThan(deadline);
            Thread.sleep(200);
            screen = screen();
        }
    }

    /**
     * Types {@code line} again every few seconds until the screen shows what is awaited: for an answer that
     * depends on something arriving by another path (docker resizes an exec's terminal with an API call of its
     * own, which may land after the next command ran).
     */
    void retypeUntil(String what, String line, Predicate<String> seen) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String screen = screen();
        while (!seen.test(screen)) {
            assertThat(System.nanoTime()).as("waited for %s; the screen:%n%s", what, screen).isLessThan(deadline);
            type(line);
            long retype = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (!seen.test(screen) && System.nanoTime() < retype) {
                Thread.sleep(200);
                screen = screen();
            }
        }
    }

    void kill() throws IOException, InterruptedException {
        new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true).start()
                .waitFor(30, TimeUnit.SECONDS);
    }

    /** The screen now, for a failed test's message. */
    @Override
    public String toString() {
        try {
            return screen();
        } catch (IOException | InterruptedException | AssertionError e) {
            return "(the screen could not be read: " + e.getMessage() + ")";
        }
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("tmux %s: %s", String.join(" ", args), output).isZero();
        return output;
    }
}
