package dev.berth.bench.fleet;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One exec request: answered from the node's model, then the channel reports the exit status. Most commands
 * are answered at once on the I/O thread; one that reads its standard input (a state write) is answered by a
 * worker once the input has ended.
 */
final class ExecCommand implements Command {
    private static final ExecutorService INPUT_READERS = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "stdin-reader");
        thread.setDaemon(true);
        return thread;
    });

    /** The benchmark's own command (not berth's): removes every Nth container of the fleet, as if it had crashed away. */
    static final String REMOVE_CONTAINERS = "fleet-simulator remove-every ";

    private final String commandLine;
    private final NodeDirectory directory;
    private final Clock clock;
    private final MutationLog mutations;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private InputStream in;

    ExecCommand(String commandLine, NodeDirectory directory, Clock clock, MutationLog mutations) {
        this.commandLine = commandLine;
        this.directory = directory;
        this.clock = clock;
        this.mutations = mutations;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        SocketAddress client = channel.getSession().getRemoteAddress();
        SimulatedNode node = client instanceof InetSocketAddress address ? directory.lookup(address.getPort()) : null;
        if (node == null) {
            err.write("fleet-simulator: connect through a node's port\n".getBytes(StandardCharsets.UTF_8));
            err.flush();
            exit.onExit(255);
            return;
        }
        if (commandLine.startsWith(REMOVE_CONTAINERS)) {
            int removed = directory.removeEvery(Integer.parseInt(commandLine.substring(REMOVE_CONTAINERS.length()).strip()));
            out.write((removed + " containers removed\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            exit.onExit(0);
            return;
        }
        if (SimulatedShell.readsInput(commandLine)) {
            INPUT_READERS.execute(() -> {
                try {
                    answer(node, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    exit.onExit(1, "cannot read standard input: " + e.getMessage());
                }
            });
            return;
        }
        answer(node, "");
    }

    private void answer(SimulatedNode node, String stdin) throws IOException {
        SimulatedShell.Answer answer = new SimulatedShell(node, clock, mutations, stdin).run(commandLine);
        if (!answer.out().isEmpty()) {
            out.write(answer.out().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        if (!answer.err().isEmpty()) {
            err.write(answer.err().getBytes(StandardCharsets.UTF_8));
            err.flush();
        }
        exit.onExit(answer.exitCode());
    }

    @Override
    public void destroy(ChannelSession channel) {
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }
}
