package dev.berth.ssh;

/** Why berth could not get an answer from a node. */
public enum FailureKind {
    /** No TCP connection: refused, no route, unknown host name. */
    UNREACHABLE,
    /** The server refused every identity offered. */
    AUTH,
    /** The server's host key is unknown, changed or revoked. */
    HOST_KEY,
    /** Connecting or a command took longer than its limit. */
    TIMEOUT,
    /** The SSH connection broke or the server misbehaved. */
    PROTOCOL
}
