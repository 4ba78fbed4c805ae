package dev.berth.bench.fleet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/** A client connection and its connection to the server, with the bytes in flight each way. */
final class RelayLink {
    /** Which side of a link a selection key belongs to. */
    record End(RelayLink link, boolean client) {
    }

    /** Bytes going one way: read from the source, held for the delay, then written to the sink. */
    static final class Flow {
        private final ArrayDeque<ByteBuffer> arrived = new ArrayDeque<>();
        private SocketChannel source;
        private SocketChannel sink;
        private long queued;
        private boolean inputEnded;
        private boolean endArrived;
        private boolean outputShut;

        SocketChannel source() {
            return source;
        }

        void endOfInput() {
            inputEnded = true;
        }

        void sent(int count) {
            queued += count;
        }

        /** Bytes whose delay is over, or null for the end of the stream. */
        void arrived(ByteBuffer bytes) {
            if (bytes == null) {
                endArrived = true;
            } else {
                arrived.add(bytes);
            }
        }

        /** Writes what the sink takes; true once the end of the stream has been passed on. */
        boolean writeTo() throws IOException {
            while (!arrived.isEmpty()) {
                ByteBuffer head = arrived.peek();
                queued -= sink.write(head);
                if (head.hasRemaining()) {
                    return false;
                }
                arrived.poll();
            }
            if (endArrived && !outputShut) {
                sink.shutdownOutput();
                outputShut = true;
            }
            return outputShut;
        }

        boolean wantsRead(long maxQueued) {
            return !inputEnded && queued < maxQueued;
        }

        boolean wantsWrite() {
            return !arrived.isEmpty();
        }
    }

    private final SocketChannel client;
    private final int node;
    private final Flow up = new Flow();
    private final Flow down = new Flow();
    private SocketChannel backend;
    private int relayPort = -1;
    private SelectionKey clientKey;
    private SelectionKey backendKey;
    private boolean closed;

    RelayLink(SocketChannel client, int node) {
        this.client = client;
        this.node = node;
    }

    void attach(SocketChannel backend, int relayPort) {
        this.backend = backend;
        this.relayPort = relayPort;
        up.source = client;
        up.sink = backend;
        down.source = backend;
        down.sink = client;
    }

    void register(Selector selector, boolean connected) throws IOException {
        backendKey = backend.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, new End(this, false));
        clientKey = client.register(selector, 0, new End(this, true));
    }

    void updateInterest(long maxQueued) {
        if (backendKey == null || backend.isConnectionPending()) {
            return;
        }
        clientKey.interestOps((up.wantsRead(maxQueued) ? SelectionKey.OP_READ : 0)
                | (down.wantsWrite() ? SelectionKey.OP_WRITE : 0));
        backendKey.interestOps((down.wantsRead(maxQueued) ? SelectionKey.OP_READ : 0)
                | (up.wantsWrite() ? SelectionKey.OP_WRITE : 0));
    }

    boolean finished() {
        return up.outputShut && down.outputShut;
    }

    /** Closes both connections; true the first time, when a backend port was in use. */
    boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        quietlyClose(client);
        quietlyClose(backend);
        return relayPort >= 0;
    }

    private static void quietlyClose(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already gone: nothing to release
            }
        }
    }

    boolean closed() {
        return closed;
    }

    Flow up() {
        return up;
    }

    Flow down() {
        return down;
    }

    SocketChannel backend() {
        return backend;
    }

    int node() {
        return node;
    }

    int relayPort() {
        return relayPort;
    }
}
