package dev.berth.cli;

import dev.berth.exec.Pause;
import dev.berth.exec.TransportOpener;
import dev.berth.plan.PodNames;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What a berth run sees of the machine it runs on: environment variables, standard input, the bytes under its
 * standard output and error (for what passes through berth untouched, as {@code exec} output; {@code null} when
 * the run has only its writers), the working directory, the home directory, whether stdout is a terminal, the
 * clock, where the random part of replica names comes from, how the servers are reached, how a run waits between
 * looks at them, and whether runs keep berth's nginx proxies (the edge, the Service proxies) in line. Passed in
 * explicitly so that tests can run the CLI in-process with a controlled world.
 *
 * @param proxies false only for in-process tests whose fake engine runs no nginx
 */
public record Environment(Map<String, String> variables, InputStream stdin, Path workingDirectory,
                          Path home, boolean interactive, Clock clock, PodNames podNames,
                          TransportOpener transports, Pause pause, boolean proxies, OutputStream stdoutBytes,
                          OutputStream stderrBytes) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    /** A controlled world whose standard output and error are only the run's writers, and which plans no proxies. */
    public Environment(Map<String, String> variables, InputStream stdin, Path workingDirectory, Path home,
                       boolean interactive, Clock clock, PodNames podNames, TransportOpener transports, Pause pause) {
        this(variables, stdin, workingDirectory, home, interactive, clock, podNames, transports, pause, false);
    }

    /** A controlled world whose standard output and error are only the run's writers. */
    public Environment(Map<String, String> variables, InputStream stdin, Path workingDirectory, Path home,
                       boolean interactive, Clock clock, PodNames podNames, TransportOpener transports, Pause pause,
                       boolean proxies) {
        this(variables, stdin, workingDirectory, home, interactive, clock, podNames, transports, pause, proxies,
                null, null);
    }

    /** A real run's world around the given machine: its clock, unpredictable replica names, servers over SSH. */
    public Environment(Map<String, String> variables, InputStream stdin, Path workingDirectory, Path home,
                       boolean interactive) {
        this(variables, stdin, workingDirectory, home, interactive, Clock.systemDefaultZone(), PodNames.random(),
                TransportOpener.SSH, Pause.SLEEP, true, null, null);
    }

    /** The environment of this process. */
    public static Environment ofProcess() {
        return new Environment(System.getenv(), System.in, Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home")), System.console() != null, Clock.systemDefaultZone(),
                PodNames.random(), TransportOpener.SSH, Pause.SLEEP, true, System.out, System.err);
    }

    public Optional<String> variable(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Resolves a path the user typed: {@code ~/x} against home, relative paths against the working directory. */
    public Path resolve(String userPath) {
        if (userPath.equals("~")) {
            return home;
        }
        if (userPath.startsWith("~/")) {
            return home.resolve(userPath.substring(2));
        }
        return workingDirectory.resolve(userPath).normalize();
    }

    /**
     * Whether stdout may be coloured: only on a terminal, without {@code --no-color}, and without {@code NO_COLOR}
     * set to a non-empty value (as no-color.org defines it).
     */
    public boolean decorates(boolean noColorFlag) {
        return interactive && !noColorFlag && variable("NO_COLOR").isEmpty();
    }
}
