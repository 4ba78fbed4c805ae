package dev.berth.cli.attach;

import dev.berth.cli.BaseCommand;
import dev.berth.cli.observe.PodFilter;
import dev.berth.docker.AttachCommands;
import dev.berth.error.ClusterException;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.ClusterAccess;
import dev.berth.model.ObservedPod;
import dev.berth.ssh.OutputSink;
import dev.berth.ssh.SshFailure;
import dev.berth.ssh.StreamOptions;
import dev.berth.ssh.StreamedCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** {@code berth exec POD -- COMMAND}: a command run in a container of a replica, with the caller's streams. */
@Command(name = "exec",
        description = {"Run a command in a container of a pod, over SSH and docker exec on its node.",
                "Standard output and error come back as the command writes them; with -i standard input is "
                        + "passed on until EOF (for pipes); with -it the command gets a terminal: this one is put "
                        + "in raw mode, every key (Ctrl-C too) goes to the remote process, and size changes "
                        + "follow. deployment/NAME runs in its first running replica. The exit code is the "
                        + "command's own; 3 when its node could not be reached or its container does not run, "
                        + "2 for bad usage."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # List / in the first container of pod web-7c9f4-x2k1q",
                "  berth exec web-7c9f4-x2k1q -- ls /",
                "",
                "  # A shell on a terminal, in container sidecar",
                "  berth exec -it web-7c9f4-x2k1q -c sidecar -- sh",
                "",
                "  # Feed a file through a pipe to one replica of deployment db",
                "  berth exec -i deploy/db -- psql -U app < dump.sql",
                "",
                "  # Copy a directory out",
                "  berth exec deploy/web -- tar cf - /data > data.tar"})
public final class ExecCommand extends BaseCommand {
    static final String NO_TTY = "Unable to use a TTY - input is not a terminal or the right kind of file";

    @Parameters(index = "0", arity = "0..1", paramLabel = "POD|TYPE/NAME",
            description = "A pod, pod/NAME, or deployment/NAME (its first running replica).")
    String target;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "The command and its arguments, after --.")
    List<String> command = new ArrayList<>();

    @Option(names = {"-c", "--container"}, paramLabel = "NAME",
            description = "The container of the pod template (default: the first).")
    String container;

    @Option(names = {"-i", "--stdin"}, description = "Pass standard input to the command.")
    boolean stdin;

    @Option(names = {"-t", "--tty"}, description = "Run the command on a terminal (with -i).")
    boolean tty;

    @Override
    public Integer call() {
        PodReference reference = validate();
        boolean terminal = tty && stdin;
        Optional<LocalTerminal> local = Optional.empty();
        if (terminal) {
            local = environment().interactive() ? LocalTerminal.open() : Optional.empty();
            if (local.isEmpty()) {
                err().println(NO_TTY);
                err().flush();
                terminal = false;
            }
        }
        try (ClusterAccess access = connect()) {
            PodContainer chosen = choose(access, reference);
            List<String> argv = AttachCommands.exec(chosen.container().id(), stdin, terminal, command);
            return local.isPresent() ? onTerminal(access, chosen, argv, local.get()) : withPipes(access, chosen, argv);
        } finally {
            local.ifPresent(LocalTerminal::close);
        }
    }

    private int withPipes(ClusterAccess access, PodContainer chosen, List<String> argv) {
        Consumer<byte[]> out = ByteOutput.to(environment().stdoutBytes(), out());
        Consumer<byte[]> errors = ByteOutput.to(environment().stderrBytes(), err());
        StreamOptions options = stdin ? StreamOptions.withInput() : StreamOptions.outputOnly();
        StreamedCommand running = start(access, chosen, argv, sink(out, errors), options);
        if (stdin) {
            InputPump.start(environment().stdin(), running);
        }
        return exitOf(running, chosen);
    }

    private int onTerminal(ClusterAccess access, PodContainer chosen, List<String> argv, LocalTerminal session) {
        Consumer<byte[]> screen = ByteOutput.to(session.output(), out());
        String type = environment().variable("TERM").orElse("xterm");
        StreamedCommand running = start(access, chosen, argv, sink(screen, screen),
                StreamOptions.terminal(session.pty(type)));
        session.raw();
        session.onResize(running::resize);
        InputStream keys = session.input();
        InputPump.start(keys, running);
        return exitOf(running, chosen);
    }

    private StreamedCommand start(ClusterAccess access, PodContainer chosen, List<String> argv, OutputSink sink,
                                  StreamOptions options) {
        try {
            return access.transport().stream(access.node(chosen.node()), argv, sink, options).join();
        } catch (CompletionException e) {
            throw unreachable(e, chosen);
        }
    }

    private int exitOf(StreamedCommand running, PodContainer chosen) {
        try {
            int code = running.exit().join();
            if (code < 0) {
                throw new ClusterException(chosen.node() + ": the command ended without an exit status");
            }
            return code;
        } catch (CompletionException e) {
            throw unreachable(e, chosen);
        }
    }

    private static RuntimeException unreachable(CompletionException e, PodContainer chosen) {
        if (e.getCause() instanceof SshFailure failure) {
            return failure;
        }
        return new ClusterException("cannot run the command in " + chosen.label() + ": " + e.getCause().getMessage(),
                e.getCause());
    }

    private static OutputSink sink(Consumer<byte[]> out, Consumer<byte[]> errors) {
        return new OutputSink() {
            @Override
            public void stdout(byte[] chunk) {
                out.accept(chunk);
            }

            @Override
            public void stderr(byte[] chunk) {
                errors.accept(chunk);
            }
        };
    }

    /** The replica: the pod named, or the first running replica of the Deployment named; its container. */
    private PodContainer choose(ClusterAccess access, PodReference reference) {
        String inNamespace = namespace();
        PodSelection selection = new PodSelection(Optional.of(reference),
                new PodFilter(inNamespace, false, null, List.of()), container, false);
        PodSelection.Found found = selection.first(access, err());
        ObservedPod pod = found.pods().stream().sorted(Comparator.comparing((ObservedPod p) -> !p.running()))
                .findFirst().orElseThrow();
        PodContainer chosen = ContainerChoice.of(List.of(pod), container, false).containers().get(0);
        if (!chosen.container().running()) {
            throw new ClusterException("cannot exec in " + chosen.label() + ": its container is "
                    + chosen.container().status());
        }
        return chosen;
    }

    private PodReference validate() {
        if (target == null) {
            throw new InvalidInputException("expected 'exec (POD | TYPE/NAME) -- COMMAND [args...]'. POD or "
                    + "TYPE/NAME is a required argument for the exec command");
        }
        if (command.isEmpty()) {
            throw new InvalidInputException("you must specify at least one command for the container");
        }
        return PodReference.parse(target);
    }
}
