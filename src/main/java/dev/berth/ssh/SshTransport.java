package dev.berth.ssh;

import dev.berth.shell.ShellQuote;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.global.AbstractOpenSshHostKeysHandler;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link Transport} over Apache MINA SSHD. One client per berth run; one authenticated session per node,
 * opened on first use and reused by every later command of the run; one session per jump host, shared by all
 * nodes behind it. Each command is an exec channel with a deadline; heartbeats close sessions to servers that
 * stopped answering.
 */
public final class SshTransport implements Transport {
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int HEARTBEATS_MISSED = 3;
    private static final AtomicBoolean PREPARED = new AtomicBoolean();

    private final SshClient client;
    private final SessionOpener opener;
    private final Route.Defaults defaults;
    private final ScheduledExecutorService timer;
    private final ConcurrentMap<String, CompletableFuture<ClientSession>> sessions = new ConcurrentHashMap<>();

    private SshTransport(SshClient client, SessionOpener opener, Route.Defaults defaults,
                         ScheduledExecutorService timer) {
        this.client = client;
        this.opener = opener;
        this.defaults = defaults;
        this.timer = timer;
    }

    /**
     * Starts the client of a run.
     *
     * @param config      the user's {@code ~/.ssh/config} ({@link SshConfig#empty()} for none)
     * @param home        the local home directory, for {@code ~} and the default identity files
     * @param localUser   the login user when neither target nor ssh_config name one
     * @param prompt      who is asked for passphrases of protected identity files
     * @param agentSocket ssh-agent's socket ({@code SSH_AUTH_SOCK}), or {@code null} to use no agent
     */
    public static SshTransport start(SshConfig config, Path home, String localUser, PassphrasePrompt prompt,
                                     Path agentSocket) {
        SshClient client = client(agentSocket);
        client.start();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("berth-ssh-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        SessionOpener opener = new SessionOpener(client, new IdentityFiles(prompt), timer);
        return new SshTransport(client, opener, new Route.Defaults(config, home, localUser), timer);
    }

    /** From now on, the steps of every SSH handshake go to {@code trace} ({@code -v=8}). */
    public SshTransport traceHandshakes(Consumer<String> trace) {
        client.addSessionListener(new HandshakeTrace(trace));
        return this;
    }

    /**
     * Starts, on a thread of its own, the set-up every run's first connection needs and that depends on nothing
     * of the run: registering the cryptography provider and loading the client's algorithm classes (about a
     * tenth of the CPU of a {@code get nodes} on three nodes). A run calls it before it reads its inventory, so
     * that both happen at once; calling it again, or never, is harmless.
     */
    public static void prepare() {
        if (PREPARED.compareAndSet(false, true)) {
            Thread thread = new Thread(() -> SshClient.setUpDefaultClient(), "berth-ssh-prepare");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * The MINA client, not yet started. Its own ssh_config resolver is switched off: berth has resolved every
     * endpoint ({@link Route}, from the {@code SshConfig} of the run's home) before it connects, and MINA's
     * default would read the JVM user's {@code ~/.ssh/config} a second time, apply it to the resolved address
     * (adding its own ProxyJump, port or identities) and fail every connection on a {@code Match} block.
     */
    static SshClient client(Path agentSocket) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyExchangeFactories(KeyExchangeOrder.of(client.getKeyExchangeFactories()));
        client.setGlobalRequestHandlers(withoutHostKeyUpdates(client.getGlobalRequestHandlers()));
        HostKeyVerifier verifier = new HostKeyVerifier();
        client.setServerKeyVerifier(verifier);
        client.addSessionListener(new HostKeyAlgorithmOrder(verifier));
        client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        client.setAgentFactory(agentSocket == null ? null : UnixAgent.factory(agentSocket));
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, HEARTBEAT);
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, HEARTBEATS_MISSED);
        return client;
    }

    /**
     * The global request handlers without MINA's handler of OpenSSH's {@code hostkeys-00@openssh.com}, the list of
     * every host key that OpenSSH servers send after authentication for clients that update known_hosts. berth
     * never updates known_hosts that way; MINA's handler parsed every key of the list, and BouncyCastle checks an
     * RSA key's modulus with a primality test when it builds one: about a third of the CPU of a {@code get nodes}
     * on three lab nodes. Without a handler the request (which asks for no reply) is ignored.
     */
    static List<RequestHandler<ConnectionService>> withoutHostKeyUpdates(
            List<RequestHandler<ConnectionService>> handlers) {
        return handlers.stream().filter(handler -> !(handler instanceof AbstractOpenSshHostKeysHandler)).toList();
    }

    @Override
    public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv) {
        return run(node, argv, new byte[0]);
    }

    @Override
    public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv, byte[] stdin) {
        String commandLine = ShellQuote.commandLine(argv);
        return session(node).thenCompose(session ->
                RemoteExecution.start(session, node.name(), commandLine, stdin, node.commandTimeout(), timer));
    }

    @Override
    public CompletableFuture<StreamedCommand> stream(SshTarget node, List<String> argv, OutputSink sink,
                                                     StreamOptions options) {
        String commandLine = ShellQuote.commandLine(argv);
        return session(node).thenCompose(session ->
                RemoteStream.start(session, node.name(), commandLine, sink, options));
    }

    @Override
    public CompletableFuture<Void> upload(SshTarget node, byte[] content, String remotePath, int mode) {
        return run(node, UploadCommand.argv(remotePath, mode), content).thenAccept(result -> {
            if (!result.succeeded()) {
                throw new SshFailure(node.name(), FailureKind.PROTOCOL, node.name() + ": cannot write " + remotePath
                        + ": " + result.stderrText().strip());
            }
        });
    }

    @Override
    public CompletableFuture<TcpConnection> connect(SshTarget node, String host, int port) {
        return session(node).thenCompose(session -> DirectConnection.open(session, node.name(), host, port));
    }

    @Override
    public Tunnel tunnel(SshTarget node, int remotePort) {
        ClientSession session;
        try {
            session = session(node).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof SshFailure failure ? failure : e;
        }
        try {
            SshdSocketAddress local = session.startLocalPortForwarding(
                    new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress("127.0.0.1", remotePort));
            return new Tunnel() {
                @Override
                public InetSocketAddress localAddress() {
                    return new InetSocketAddress(local.getHostName(), local.getPort());
                }

                @Override
                public void close() {
                    try {
                        session.stopLocalPortForwarding(local);
                    } catch (IOException ignored) {
                        // the session is gone, and the forwarding with it
                    }
                }
            };
        } catch (IOException e) {
            throw new SshFailure(node.name(), FailureKind.PROTOCOL,
                    node.name() + ": cannot open a tunnel to port " + remotePort + ": " + e.getMessage(), e);
        }
    }

    /** How many SSH sessions (nodes and jump hosts) this run has authenticated so far. */
    public int sessionsOpened() {
        return opener.sessionsOpened();
    }

    private CompletableFuture<ClientSession> session(SshTarget node) {
        return sessions.compute(node.name(), (name, existing) -> {
            if (existing != null && (!existing.isDone() || existing.isCompletedExceptionally()
                    || existing.join().isOpen())) {
                return existing;
            }
            return opener.open(Route.of(node, defaults));
        });
    }

    @Override
    public void close() {
        opener.close();
        try {
            client.stop();
        } finally {
            timer.shutdownNow();
        }
    }
}
