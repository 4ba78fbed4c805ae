package dev.berth.ssh;

/**
 * The node could not open a TCP connection to {@code host:port}: the peer refused it, the server forbids TCP
 * forwarding, or the node could not reach the address. The node itself answered; the message says which,
 * e.g. {@code node-2: 172.18.0.5:8080: connection refused}.
 */
public final class ConnectFailure extends SshFailure {
    private final Reason reason;

    /** Why the connection was not made. */
    public enum Reason {
        /** Nothing listens at the address (TCP reset). */
        REFUSED,
        /** sshd refuses to connect on our behalf: {@code AllowTcpForwarding no}, or a {@code PermitOpen} list. */
        FORBIDDEN,
        /** Anything else sshd reported: no route to the host, a timeout, an unknown name. */
        UNREACHABLE
    }

    public ConnectFailure(String node, Reason reason, String message) {
        super(node, FailureKind.PROTOCOL, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
