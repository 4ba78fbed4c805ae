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

/** One exec request: answered at once from the node's model, then the channel reports the exit status. */
final class ExecCommand implements Command {
    private final String commandLine;
    private final NodeDirectory directory;
    private final Clock clock;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    ExecCommand(String commandLine, NodeDirectory directory, Clock clock) {
        this.commandLine = commandLine;
        this.directory = directory;
        this.clock = clock;
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
        SimulatedShell.Answer answer = new SimulatedShell(node, clock).run(commandLine);
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
