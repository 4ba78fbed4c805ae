package dev.berth.ssh;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.util.net.SshdSocketAddress;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Connects and authenticates sessions without blocking a thread: TCP connect, key exchange and authentication
 * are chained through MINA's futures, under one deadline (the connect timeout). A node behind jump hosts is
 * reached through a local port forwarded by the last jump host's session; jump sessions are shared.
 */
final class SessionOpener {
    private final SshClient client;
    private final IdentityFiles identities;
    private final ScheduledExecutorService timer;
    private final ConcurrentMap<String, CompletableFuture<ClientSession>> jumpSessions = new ConcurrentHashMap<>();
    private final Queue<ClientSession> opened = new ConcurrentLinkedQueue<>();
    private final AtomicInteger authenticated = new AtomicInteger();

    SessionOpener(SshClient client, IdentityFiles identities, ScheduledExecutorService timer) {
        this.client = client;
        this.identities = identities;
        this.timer = timer;
    }

    CompletableFuture<ClientSession> open(Route route) {
        CompletableFuture<ClientSession> via = null;
        StringBuilder chain = new StringBuilder();
        for (Endpoint jump : route.jumps()) {
            chain.append('/').append(jump.user()).append('@').append(jump.hostName()).append(':').append(jump.port());
            CompletableFuture<ClientSession> previous = via;
            via = jumpSessions.computeIfAbsent(chain.toString(), key -> previous == null
                    ? connect(jump, null)
                    : previous.thenCompose(session -> connect(jump, session)));
        }
        Endpoint node = route.node();
        if (via == null) {
            return connect(node, null);
        }
        CompletableFuture<ClientSession> result = new CompletableFuture<>();
        via.whenComplete((jumpSession, error) -> {
            if (error != null) {
                SshFailure jumpFailure = SessionFailures.unwrap(error);
                result.completeExceptionally(new SshFailure(node.label(), jumpFailure.kind(),
                        node.describe() + ": via " + jumpFailure.getMessage(), jumpFailure));
            } else {
                connect(node, jumpSession).whenComplete((session, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(SessionFailures.unwrap(failure));
                    } else {
                        result.complete(session);
                    }
                });
            }
        });
        return result;
    }

    int sessionsOpened() {
        return authenticated.get();
    }

    void close() {
        for (ClientSession session : opened) {
            session.close(true);
        }
    }

    private CompletableFuture<ClientSession> connect(Endpoint endpoint, ClientSession via) {
        CompletableFuture<ClientSession> result = new CompletableFuture<>();
        AtomicReference<String> refusal = new AtomicReference<>();
        AtomicReference<ClientSession> session = new AtomicReference<>();
        AtomicReference<ConnectFuture> connecting = new AtomicReference<>();
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            if (result.completeExceptionally(new SshFailure(endpoint.label(), FailureKind.TIMEOUT,
                    endpoint.describe() + ": no SSH answer within "
                            + RemoteExecution.seconds(endpoint.connectTimeout()) + " (connect timeout)"))) {
                ConnectFuture pending = connecting.get();
                if (pending != null) {
                    pending.cancel();
                }
                ClientSession started = session.get();
                if (started != null) {
                    started.close(true);
                }
            }
        }, endpoint.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((s, e) -> deadline.cancel(false));
        try {
            AttributeRepository context = AttributeRepository.ofAttributesMap(Map.of(
                    HostKeyVerifier.ENDPOINT, endpoint, HostKeyVerifier.REFUSAL, refusal));
            SshdSocketAddress forwarded = via == null ? null : via.startLocalPortForwarding(
                    new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress(endpoint.hostName(), endpoint.port()));
            SocketAddress address = forwarded == null
                    ? new InetSocketAddress(endpoint.hostName(), endpoint.port())
                    : new InetSocketAddress("127.0.0.1", forwarded.getPort());
            if (forwarded != null) {
                result.whenComplete((s, e) -> {
                    if (e != null) {
                        stopForwarding(via, forwarded);
                    } else {
                        s.addCloseFutureListener(closed -> stopForwarding(via, forwarded));
                    }
                });
            }
            ConnectFuture future = client.connect(endpoint.user(), address, context, null);
            connecting.set(future);
            future.addListener(connected -> {
                if (!connected.isConnected()) {
                    result.completeExceptionally(SessionFailures.classify(endpoint, connected.getException(), null, List.of()));
                    return;
                }
                authenticate(endpoint, connected.getSession(), refusal, session, result);
            });
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(SessionFailures.classify(endpoint, e, null, List.of()));
        }
        return result;
    }

    private void authenticate(Endpoint endpoint, ClientSession started, AtomicReference<String> refusal,
                              AtomicReference<ClientSession> session, CompletableFuture<ClientSession> result) {
        session.set(started);
        opened.add(started);
        if (result.isDone()) {
            started.close(true);
            return;
        }
        List<String> problems = new CopyOnWriteArrayList<>();
        started.setKeyIdentityProvider(context -> identities.keysFor(endpoint, problems));
        try {
            started.auth().addListener(auth -> {
                if (auth.isSuccess()) {
                    if (result.complete(started)) {
                        authenticated.incrementAndGet();
                    }
                } else {
                    result.completeExceptionally(
                            SessionFailures.classify(endpoint, auth.getException(), refusal.get(), problems));
                    started.close(true);
                }
            });
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(SessionFailures.classify(endpoint, e, refusal.get(), problems));
            started.close(true);
        }
    }

    private static void stopForwarding(ClientSession via, SshdSocketAddress local) {
        try {
            via.stopLocalPortForwarding(local);
        } catch (IOException ignored) {
            // the jump session is closing, and its forwardings with it
        }
    }
}
