package dev.berth.ssh;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * berth's one seam to its servers: run an argument list on a node, put a file on it, reach one of its ports or
 * an address it reaches.
 * Operations return at once; the futures complete on the transport's few I/O threads and fail with
 * {@link SshFailure}. A non-zero exit status is a normal {@link CommandResult}, not a failure.
 */
public interface Transport extends AutoCloseable {

    /** Runs {@code argv} on the node; each word arrives at the remote program exactly as given. */
    CompletableFuture<CommandResult> run(SshTarget node, List<String> argv);

    /** Runs {@code argv} with {@code stdin} as its standard input. */
    CompletableFuture<CommandResult> run(SshTarget node, List<String> argv, byte[] stdin);

    /**
     * Writes {@code content} to {@code remotePath} with permission bits {@code mode} (e.g. 0600), atomically:
     * readers see the old file or the whole new one, never a part, and never a wider mode.
     */
    CompletableFuture<Void> upload(SshTarget node, byte[] content, String remotePath, int mode);

    /**
     * Opens a TCP connection from the node to {@code host:port} (an address the node reaches, such as a
     * container's address on a Docker network), over the node's session. Fails with a {@link ConnectFailure}
     * when the node answered but the connection was not made (refused, or TCP forwarding forbidden), with an
     * {@link SshFailure} when the node could not be asked. Transports that carry no connections (test doubles
     * that only run commands) fail it.
     */
    default CompletableFuture<TcpConnection> connect(SshTarget node, String host, int port) {
        return CompletableFuture.failedFuture(new SshFailure(node.name(), FailureKind.PROTOCOL,
                node.name() + ": this transport opens no TCP connections"));
    }

    /**
     * Starts {@code argv} on the node and hands its output to {@code sink} as it arrives, without a command
     * timeout: for commands that run as long as someone watches ({@code docker logs -f}, {@code docker exec}).
     * The future completes once the command runs. Transports that only run commands to their end run it once its
     * input ended (at once when {@code options} send none) and hand over its whole output then.
     */
    default CompletableFuture<StreamedCommand> stream(SshTarget node, List<String> argv, OutputSink sink,
                                                      StreamOptions options) {
        CollectedStream stream = new CollectedStream(this, node, argv, sink);
        if (!options.input()) {
            stream.endInput();
        }
        return CompletableFuture.completedFuture(stream);
    }

    /** Opens a local port forwarded to {@code remotePort} on the node's loopback interface. */
    Tunnel tunnel(SshTarget node, int remotePort);

    /** Closes every session of this run. */
    @Override
    void close();
}
