package dev.berth.ssh;

import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * ssh-agent through {@code SSH_AUTH_SOCK}, over Java's own unix-domain sockets (Java 16+), so no native
 * library is needed. MINA speaks the agent protocol; this class only carries its messages.
 */
final class UnixAgent extends AbstractAgentProxy {
    private final SocketChannel socket;

    private UnixAgent(SocketChannel socket) {
        super(null);
        this.socket = socket;
    }

    /** A factory giving each session its own connection to the agent at {@code socketPath}. */
    static SshAgentFactory factory(Path socketPath) {
        return new SshAgentFactory() {
            @Override
            public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
                return List.of();
            }

            @Override
            public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
                SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                channel.connect(UnixDomainSocketAddress.of(socketPath));
                return new UnixAgent(channel);
            }

            @Override
            public SshAgentServer createServer(ConnectionService service) {
                throw new UnsupportedOperationException("berth does not forward its agent");
            }
        };
    }

    /** Sends one message (MINA has already framed it with its length) and returns the answer's body. */
    @Override
    protected synchronized Buffer request(Buffer message) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(message.array(), message.rpos(), message.available());
        while (out.hasRemaining()) {
            socket.write(out);
        }
        ByteBuffer header = readFully(4);
        ByteBuffer body = readFully(header.getInt());
        return new ByteArrayBuffer(body.array());
    }

    private ByteBuffer readFully(int size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        while (buffer.hasRemaining()) {
            if (socket.read(buffer) < 0) {
                throw new EOFException("ssh-agent closed the connection");
            }
        }
        return buffer.flip();
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() throws IOException {
        super.close();
        socket.close();
    }
}
