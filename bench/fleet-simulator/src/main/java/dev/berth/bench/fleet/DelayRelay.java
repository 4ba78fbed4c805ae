package dev.berth.bench.fleet;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * Puts a network's round trip between every client and the fleet: one TCP relay per node port, all
 * served by one selector thread. Each byte reaches the other side half the round trip after it was
 * read, in both directions, and a new connection reaches the server one round trip after it was
 * accepted (the handshake of a real network), so every client pays the same delay per exchange.
 */
final class DelayRelay implements AutoCloseable {
    private static final int CHUNK = 16 * 1024;
    private static final long MAX_IN_FLIGHT = 1 << 20;

    private final Selector selector;
    private final InetSocketAddress backend;
    private final NodeDirectory directory;
    private final long halfDelayNanos;
    private final PriorityQueue<Timed> timers = new PriorityQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(CHUNK);
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final Thread thread;
    private long sequence;
    private volatile boolean running = true;

    private record Timed(long at, long sequence, Runnable task) implements Comparable<Timed> {
        @Override
        public int compareTo(Timed other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    DelayRelay(InetSocketAddress backend, NodeDirectory directory, int roundTripMillis) throws IOException {
        this.selector = Selector.open();
        this.backend = backend;
        this.directory = directory;
        this.halfDelayNanos = TimeUnit.MILLISECONDS.toNanos(roundTripMillis) / 2;
        this.thread = new Thread(this::loop, "delay-relay");
    }

    /** Accepts clients of one node on a loopback port. Call before {@link #start()}. */
    void listen(int port, int node) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        listener.bind(new InetSocketAddress("127.0.0.1", port), 512);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT, node);
        listeners.add(listener);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                long wait = timers.isEmpty() ? 0 : timers.peek().at() - System.nanoTime();
                if (!timers.isEmpty() && wait <= 0) {
                    selector.selectNow();
                } else {
                    selector.select(wait == 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999)));
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                while (!timers.isEmpty() && timers.peek().at() <= now) {
                    timers.poll().task().run();
                }
            } catch (IOException e) {
                System.err.println("fleet-simulator: relay: " + e.getMessage());
            }
        }
    }

    private void later(long delayNanos, Runnable task) {
        timers.add(new Timed(System.nanoTime() + delayNanos, sequence++, task));
    }

    private void handle(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept((ServerSocketChannel) key.channel(), (Integer) key.attachment());
            return;
        }
        RelayLink.End end = (RelayLink.End) key.attachment();
        RelayLink link = end.link();
        try {
            if (key.isConnectable() && link.backend().finishConnect()) {
                updateInterest(link);
            }
            if (key.isValid() && key.isReadable()) {
                read(link, end.client() ? link.up() : link.down());
            }
            if (key.isValid() && key.isWritable()) {
                flush(link, end.client() ? link.down() : link.up());
            }
        } catch (IOException e) {
            close(link);
        }
    }

    private void accept(ServerSocketChannel listener, int node) {
        try {
            SocketChannel client = listener.accept();
            if (client == null) {
                return;
            }
            client.configureBlocking(false);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            RelayLink link = new RelayLink(client, node);
            later(2 * halfDelayNanos, () -> connect(link));
        } catch (IOException e) {
            System.err.println("fleet-simulator: accept: " + e.getMessage());
        }
    }

    private void connect(RelayLink link) {
        try {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            directory.connected(port, link.node());
            link.attach(channel, port);
            boolean connected = channel.connect(backend);
            link.register(selector, connected);
            if (connected) {
                updateInterest(link);
            }
        } catch (IOException e) {
            close(link);
        }
    }

    private void read(RelayLink link, RelayLink.Flow flow) throws IOException {
        readBuffer.clear();
        int count = flow.source().read(readBuffer);
        if (count < 0) {
            flow.endOfInput();
            later(halfDelayNanos, () -> arrive(link, flow, null));
        } else if (count > 0) {
            readBuffer.flip();
            ByteBuffer bytes = ByteBuffer.allocate(count).put(readBuffer).flip();
            flow.sent(count);
            later(halfDelayNanos, () -> arrive(link, flow, bytes));
        }
        updateInterest(link);
    }

    private void arrive(RelayLink link, RelayLink.Flow flow, ByteBuffer bytes) {
        if (link.closed()) {
            return;
        }
        flow.arrived(bytes);
        try {
            flush(link, flow);
        } catch (IOException e) {
            close(link);
        }
    }

    private void flush(RelayLink link, RelayLink.Flow flow) throws IOException {
        if (flow.writeTo() && link.finished()) {
            close(link);
            return;
        }
        updateInterest(link);
    }

    private void updateInterest(RelayLink link) {
        if (!link.closed()) {
            link.updateInterest(MAX_IN_FLIGHT);
        }
    }

    private void close(RelayLink link) {
        if (link.close()) {
            directory.disconnected(link.relayPort());
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(5_000);
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }

    int listenerCount() {
        return listeners.size();
    }
}
