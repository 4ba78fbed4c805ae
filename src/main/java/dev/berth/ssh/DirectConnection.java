package dev.berth.ssh;

import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.channel.StreamingChannel;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.io.IoReadFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.net.SshdSocketAddress;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link TcpConnection} over a {@code direct-tcpip} channel of a node's session: sshd on the node connects to
 * the address for us, as {@code ssh -W host:port} does. Driven by MINA's asynchronous streams.
 */
final class DirectConnection implements TcpConnection {
    /** Bytes taken per read. */
    private static final int READ_CHUNK = 8 * 1024;
    /** The hint MINA's channel listeners get when the peer sends SSH_MSG_CHANNEL_EOF. */
    private static final String EOF = "SSH_MSG_CHANNEL_EOF";
    /** The originator sshd is told of; it only logs it. */
    private static final SshdSocketAddress ORIGINATOR = new SshdSocketAddress("127.0.0.1", 0);

    private static final byte[] EMPTY = new byte[0];

    private final ChannelDirectTcpip channel;
    private final Buffer buffer = new ByteArrayBuffer(READ_CHUNK);
    /** The last read handed out, ended early by the channel's EOF. */
    private CompletableFuture<byte[]> pending;
    /** A read of MINA's stream is outstanding (MINA allows one at a time). */
    private boolean minaReading;
    /** The peer sent EOF, or the channel closed. */
    private boolean ended;

    private DirectConnection(ChannelDirectTcpip channel) {
        this.channel = channel;
        channel.addChannelListener(new ChannelListener() {
            @Override
            public void channelStateChanged(Channel changed, String hint) {
                if (EOF.equals(hint)) {
                    end();
                }
            }

            @Override
            public void channelClosed(Channel closed, Throwable reason) {
                end();
            }
        });
    }

    static CompletableFuture<TcpConnection> open(ClientSession session, String node, String host, int port) {
        CompletableFuture<TcpConnection> opened = new CompletableFuture<>();
        try {
            ChannelDirectTcpip channel = session.createDirectTcpipChannel(ORIGINATOR, new SshdSocketAddress(host, port));
            channel.setStreaming(StreamingChannel.Streaming.Async);
            DirectConnection connection = new DirectConnection(channel);
            channel.open().addListener(future -> {
                if (!future.isOpened()) {
                    opened.completeExceptionally(failure(node, host, port, future.getException()));
                    channel.close(true);
                    return;
                }
                if (!opened.complete(connection)) {
                    connection.close();
                }
            });
        } catch (IOException | RuntimeException e) {
            opened.completeExceptionally(new SshFailure(node, FailureKind.PROTOCOL,
                    node + ": cannot connect to " + address(host, port) + ": " + e.getMessage(), e));
        }
        return opened;
    }

    @Override
    public CompletableFuture<Void> write(byte[] bytes) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        try {
            channel.getAsyncIn().writeBuffer(new ByteArrayBuffer(bytes)).addListener(write -> {
                if (write.isWritten()) {
                    written.complete(null);
                } else {
                    written.completeExceptionally(new IOException("connection closed while writing", write.getException()));
                }
            });
        } catch (IOException | RuntimeException e) {
            written.completeExceptionally(e);
        }
        return written;
    }

    /**
     * MINA's asynchronous stream never reports the peer's EOF, so the channel's EOF (and its close) end the
     * pending read here. Data always arrives before the EOF that follows it, so nothing is lost: a read is
     * answered from what MINA has buffered first, and only a read that would wait is ended.
     */
    @Override
    public CompletableFuture<byte[]> read() {
        synchronized (this) {
            CompletableFuture<byte[]> chunk = new CompletableFuture<>();
            if (ended && minaReading) {
                chunk.complete(EMPTY);
                return chunk;
            }
            pending = chunk;
            minaReading = true;
            buffer.clear(false);
            try {
                channel.getAsyncOut().read(buffer).addListener(read -> deliver(chunk, read));
            } catch (RuntimeException e) {
                chunk.complete(EMPTY);
            }
            if (ended) {
                chunk.complete(EMPTY);
            }
            return chunk;
        }
    }

    private void deliver(CompletableFuture<byte[]> chunk, IoReadFuture read) {
        synchronized (this) {
            minaReading = false;
        }
        if (read.getException() != null || read.getRead() < 0) {
            chunk.complete(EMPTY);
            return;
        }
        Buffer got = read.getBuffer();
        chunk.complete(Arrays.copyOfRange(got.array(), got.rpos(), got.rpos() + got.available()));
    }

    private void end() {
        CompletableFuture<byte[]> waiting;
        synchronized (this) {
            ended = true;
            waiting = pending;
        }
        if (waiting != null) {
            waiting.complete(EMPTY);
        }
    }

    @Override
    public void close() {
        channel.close(false);
    }

    /** What sshd's refusal means, in the words a user knows from ssh and from Kubernetes' probes. */
    static SshFailure failure(String node, String host, int port, Throwable error) {
        String target = address(host, port);
        if (error instanceof SshChannelOpenException refused) {
            String said = refused.getMessage() == null ? "" : refused.getMessage().strip();
            if (refused.getReasonCode() == SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED) {
                return new ConnectFailure(node, ConnectFailure.Reason.FORBIDDEN, node + " forbids TCP forwarding"
                        + " (AllowTcpForwarding no, or a PermitOpen that leaves out " + target + ")");
            }
            if (said.toLowerCase(Locale.ROOT).contains("refused")) {
                return new ConnectFailure(node, ConnectFailure.Reason.REFUSED, node + ": " + target + ": connection refused");
            }
            return new ConnectFailure(node, ConnectFailure.Reason.UNREACHABLE, node + ": " + target + ": "
                    + (said.isEmpty() ? "connection failed" : said.substring(0, 1).toLowerCase(Locale.ROOT)
                    + said.substring(1)));
        }
        return new SshFailure(node, FailureKind.PROTOCOL, node + ": cannot connect to " + target + ": "
                + (error == null ? "the channel closed" : error.getMessage()), error);
    }

    /** {@code host:port}, with an IPv6 address in brackets. */
    static String address(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
