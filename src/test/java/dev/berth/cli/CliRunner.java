package dev.berth.cli;

import dev.berth.exec.Pause;
import dev.berth.exec.TransportOpener;
import dev.berth.testing.ManualClock;
import dev.berth.plan.PodNames;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the berth CLI in-process with captured output and a controlled environment. */
public final class CliRunner {
    private final Map<String, String> variables = new HashMap<>();
    private Path workingDirectory = Path.of("").toAbsolutePath();
    private Path home = Path.of(System.getProperty("java.io.tmpdir"));
    private InputStream stdin = new ByteArrayInputStream(new byte[0]);
    private Clock clock = Clock.systemDefaultZone();
    private Long podNamesSeed;
    private TransportOpener transports = TransportOpener.SSH;
    private Pause pause;
    private boolean interactive;

    public CliRunner env(String name, String value) {
        variables.put(name, value);
        return this;
    }

    public CliRunner workingDirectory(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    public CliRunner home(Path directory) {
        this.home = directory;
        return this;
    }

    public CliRunner stdin(String text) {
        this.stdin = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public CliRunner clock(Clock runClock) {
        this.clock = runClock;
        return this;
    }

    /** Replica names from a seeded source: every run starts the same sequence again. */
    public CliRunner podNames(long seed) {
        this.podNamesSeed = seed;
        return this;
    }

    /** Reach the servers through {@code opener} instead of SSH (whose fake engines run no nginx: no proxies). */
    public CliRunner transports(TransportOpener opener) {
        this.transports = opener;
        return this;
    }

    /** Waits between a run's looks at the cluster with {@code waiting}; by default a manual clock is moved on. */
    public CliRunner pause(Pause waiting) {
        this.pause = waiting;
        return this;
    }

    /** Runs as on a terminal (stdout and stdin a console), where berth may ask. */
    public CliRunner interactive(boolean terminal) {
        this.interactive = terminal;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = new Environment(variables, stdin, workingDirectory, home, interactive, clock,
                podNamesSeed == null ? PodNames.random() : PodNames.seeded(podNamesSeed), transports,
                pause != null ? pause : clock instanceof ManualClock manual ? manual::advance : Pause.SLEEP,
                transports == TransportOpener.SSH);
        int exit = Main.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    /** The outcome of one run. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
