package dev.berth.ssh;

import java.net.InetSocketAddress;

/** A local loopback port that leads to a port on a node, through the node's SSH session. */
public interface Tunnel extends AutoCloseable {
    /** Where to connect locally, e.g. {@code 127.0.0.1:40123}. */
    InetSocketAddress localAddress();

    @Override
    void close();
}
