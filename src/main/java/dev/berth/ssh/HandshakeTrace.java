package dev.berth.ssh;

import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Tells the steps of every SSH handshake of a run, for {@code -v=8}: the connection, the server's version, the
 * algorithms agreed, the keys established, authentication and the end of the session. Never a key or a secret.
 */
final class HandshakeTrace implements SessionListener {
    private final Consumer<String> trace;

    HandshakeTrace(Consumer<String> trace) {
        this.trace = trace;
    }

    @Override
    public void sessionCreated(Session session) {
        trace.accept(peer(session) + ": ssh: connected");
    }

    @Override
    public void sessionPeerIdentificationReceived(Session session, String version, List<String> extraLines) {
        trace.accept(peer(session) + ": ssh: server " + version);
    }

    @Override
    public void sessionNegotiationEnd(Session session, Map<KexProposalOption, String> clientProposal,
                                      Map<KexProposalOption, String> serverProposal,
                                      Map<KexProposalOption, String> negotiatedOptions, Throwable reason) {
        if (reason != null) {
            trace.accept(peer(session) + ": ssh: no common algorithms: " + reason.getMessage());
            return;
        }
        trace.accept(peer(session) + ": ssh: kex " + negotiatedOptions.get(KexProposalOption.ALGORITHMS)
                + ", host key " + negotiatedOptions.get(KexProposalOption.SERVERKEYS)
                + ", cipher " + negotiatedOptions.get(KexProposalOption.C2SENC)
                + ", mac " + negotiatedOptions.get(KexProposalOption.C2SMAC));
    }

    @Override
    public void sessionEvent(Session session, Event event) {
        String step = switch (event) {
            case KeyEstablished -> "keys established";
            case Authenticated -> "authenticated as " + session.getUsername();
            case KexCompleted -> "key exchange completed";
        };
        trace.accept(peer(session) + ": ssh: " + step);
    }

    @Override
    public void sessionClosed(Session session) {
        trace.accept(peer(session) + ": ssh: closed");
    }

    private static String peer(Session session) {
        return String.valueOf(session.getRemoteAddress()).replaceFirst("^/", "");
    }
}
