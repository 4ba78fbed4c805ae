package dev.berth.cli.converge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code java -jar target/berth.jar ARGS} as a process of its own (another operator, the cron job, a run to
 * kill with SIGKILL), with its own home directory and its output read line by line as it comes.
 */
public final class BerthProcess implements AutoCloseable {
    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final List<String> errLines = new ArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private BerthProcess(Process process) {
        this.process = process;
        this.outReader = reader(process.getInputStream(), line -> out.append(line).append('\n'));
        this.errReader = reader(process.getErrorStream(), line -> {
            synchronized (errLines) {
                errLines.add(line);
                errLines.notifyAll();
            }
        });
    }

    /** Starts berth with {@code home} as HOME and XDG directories, so it shares nothing with this JVM's runs. */
    public static BerthProcess start(Path home, String... args) {
        Path jar = Path.of("target", "berth.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the package phase first");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        builder.environment().remove("BERTH_CLUSTER");
        builder.environment().put("NO_COLOR", "1");
        try {
            return new BerthProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Waits until a line of stderr matches; false when the process ended or the time ran out first. */
    public boolean awaitErrLine(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (errLines) {
            while (errLines.stream().noneMatch(match)) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || (!process.isAlive() && !errReader.isAlive())) {
                    return false;
                }
                errLines.wait(Math.min(left, 200));
            }
            return true;
        }
    }

    /** Waits for the process to end and returns its exit code; fails when it runs longer than {@code timeout}. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("berth still runs after " + timeout + "\n" + this);
        }
        outReader.join(5000);
        errReader.join(5000);
        return process.exitValue();
    }

    /** SIGKILL: the run gets no chance to clean up or give back its lock. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String out() {
        return out.toString();
    }

    public String err() {
        synchronized (errLines) {
            return String.join("\n", errLines) + (errLines.isEmpty() ? "" : "\n");
        }
    }

    @Override
    public String toString() {
        return "pid " + process.pid() + "\n--- stdout\n" + out() + "--- stderr\n" + err();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static Thread reader(InputStream stream, java.util.function.Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                lines.lines().forEach(sink);
            } catch (IOException | UncheckedIOException e) {
                // the process was killed: what was read so far stays
            }
        }, "berth-process-reader");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
