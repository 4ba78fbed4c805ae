package dev.berth.ssh;

import java.util.concurrent.CompletableFuture;

/**
 * A TCP connection made from a node to an address the node can reach (a container's address on its Docker
 * network, say), carried by the node's SSH session. Reads and writes are asynchronous like the rest of the
 * {@link Transport}: no thread waits for the peer.
 */
public interface TcpConnection extends AutoCloseable {

    /** Sends {@code bytes}; completes once the session has taken them, fails when the connection is gone. */
    CompletableFuture<Void> write(byte[] bytes);

    /** The next bytes the peer sends; an empty array once the peer has closed its side or the connection closed. */
    CompletableFuture<byte[]> read();

    /** Closes the connection; a pending read then completes with an empty array. */
    @Override
    void close();
}
