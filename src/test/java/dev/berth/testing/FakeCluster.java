package dev.berth.testing;

import dev.berth.docker.AttachCommands;
import dev.berth.docker.FakeApp;
import dev.berth.docker.FakeDocker;
import dev.berth.docker.FakeImage;
import dev.berth.docker.FakeRegistry;
import dev.berth.exec.TransportOpener;
import dev.berth.ssh.CommandResult;
import dev.berth.ssh.ConnectFailure;
import dev.berth.ssh.FailureKind;
import dev.berth.ssh.OutputSink;
import dev.berth.ssh.SshFailure;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.StreamOptions;
import dev.berth.ssh.StreamedCommand;
import dev.berth.ssh.TcpConnection;
import dev.berth.ssh.Transport;
import dev.berth.ssh.Tunnel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A cluster kept in memory behind berth's one seam to its servers: every node answers from what the test
 * recorded, its copy of the state and lock, and its Docker engine ({@link FakeNode}). Every call is kept, in
 * order, so a test can assert the exact commands a verb sent. A command no node knows fails that node and is
 * kept in {@link #unanswered()}: nothing gets a silent default. TCP connections berth opens from a node (its
 * probes) reach the fake containers of that node, which answer as their image's {@link FakeApp} says.
 *
 * <p>Runs of berth open and close the transport as they would over SSH; the nodes, their state and their
 * containers outlive the runs, so an apply is seen by the diff that follows.
 */
public final class FakeCluster implements Transport {
    private final Clock clock;
    private final Map<String, FakeNode> nodes = new LinkedHashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<String> unanswered = new ArrayList<>();
    private final FakeRegistry registry = new FakeRegistry();
    private final List<Consumer<Call>> listeners = new ArrayList<>();

    public FakeCluster(Clock clock) {
        this.clock = clock;
    }

    /** What berth sent: a command with its standard input, or a file. */
    public sealed interface Call {
        String node();

        record Command(String node, List<String> argv, byte[] stdin) implements Call {
        }

        record Upload(String node, String path, int mode, byte[] content) implements Call {
        }

        /** A TCP connection opened from the node, as a probe does. */
        record Connect(String node, String host, int port) implements Call {
        }
    }

    /** Adds a server whose SSH user's home is {@code /home/deploy}. */
    public synchronized FakeNode add(String name, String address) {
        FakeNode node = new FakeNode(name, address, "/home/deploy", clock, registry);
        nodes.put(name, node);
        return node;
    }

    public synchronized FakeNode node(String name) {
        FakeNode node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no node " + name + " in the fake cluster; nodes: " + nodes.keySet());
        }
        return node;
    }

    /** The image {@code name} as the registry every node pulls from has it, and what its containers do. */
    public FakeImage image(String name) {
        return registry.image(name);
    }

    /**
     * Hears of every call once it was answered, with the cluster as the call left it; the listener runs while
     * the cluster is locked, so what it reads of the nodes is what the call saw.
     */
    public synchronized void onEachCall(Consumer<Call> listener) {
        listeners.add(listener);
    }

    /** The seam a berth run takes its transport from: this cluster, whatever the local SSH setup. */
    public TransportOpener opener() {
        return local -> this;
    }

    /** Every call so far, in the order they were made. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The argument lists sent to {@code node}, in order. */
    public synchronized List<List<String>> commands(String node) {
        return calls.stream().filter(call -> call.node().equals(node) && call instanceof Call.Command)
                .map(call -> ((Call.Command) call).argv()).toList();
    }

    /** The files written to {@code node}, in order. */
    public synchronized List<Call.Upload> uploads(String node) {
        return calls.stream().filter(call -> call.node().equals(node) && call instanceof Call.Upload)
                .map(Call.Upload.class::cast).toList();
    }

    public synchronized void forgetCalls() {
        calls.clear();
    }

    /** Each command no node had an answer for, with the node and the argv. */
    public synchronized List<String> unanswered() {
        return List.copyOf(unanswered);
    }

    @Override
    public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv) {
        return run(node, argv, new byte[0]);
    }

    /**
     * As a node runs it. A command wrapped to end with its input ({@link AttachCommands#untilInputEnds}, as
     * {@code logs -f} sends it) keeps its input open until berth goes: here it runs as the command it wraps, whose
     * end the fake Docker engine decides.
     */
    @Override
    public CompletableFuture<StreamedCommand> stream(SshTarget node, List<String> argv, OutputSink sink,
                                                     StreamOptions options) {
        List<String> wrapper = AttachCommands.untilInputEnds(List.of());
        if (argv.size() > wrapper.size() && argv.subList(0, wrapper.size()).equals(wrapper)) {
            return Transport.super.stream(node, argv.subList(wrapper.size(), argv.size()), sink,
                    StreamOptions.outputOnly());
        }
        return Transport.super.stream(node, argv, sink, options);
    }

    @Override
    public synchronized CompletableFuture<CommandResult> run(SshTarget target, List<String> argv, byte[] stdin) {
        Call call = new Call.Command(target.name(), List.copyOf(argv), stdin.clone());
        CompletableFuture<CommandResult> answered = answer(target, argv, stdin);
        called(call);
        return answered;
    }

    private CompletableFuture<CommandResult> answer(SshTarget target, List<String> argv, byte[] stdin) {
        FakeNode node = nodes.get(target.name());
        Optional<CompletableFuture<CommandResult>> down = unreachable(target, node);
        if (down.isPresent()) {
            return down.get();
        }
        Optional<CommandResult> answer;
        try {
            answer = node.answer(argv, stdin);
        } catch (RuntimeException e) {
            return unanswered(target, e.getMessage());
        }
        return answer.map(CompletableFuture::completedFuture)
                .orElseGet(() -> unanswered(target, "no answer recorded for " + argv));
    }

    @Override
    public synchronized CompletableFuture<Void> upload(SshTarget target, byte[] content, String remotePath, int mode) {
        FakeNode node = nodes.get(target.name());
        Optional<CompletableFuture<CommandResult>> down = unreachable(target, node);
        if (down.isEmpty()) {
            node.docker().upload(remotePath, content);
        }
        called(new Call.Upload(target.name(), remotePath, mode, content.clone()));
        return down.isPresent() ? down.get().thenApply(result -> null) : CompletableFuture.completedFuture(null);
    }

    /**
     * A connection to a container's address on the node: refused when its app listens on no port (or it does not
     * run), unreachable when no container of the node has the address; sshd's words, as berth's transport says them.
     */
    @Override
    public synchronized CompletableFuture<TcpConnection> connect(SshTarget target, String host, int port) {
        FakeNode node = nodes.get(target.name());
        Optional<CompletableFuture<CommandResult>> down = unreachable(target, node);
        CompletableFuture<TcpConnection> connected = down.isPresent() ? down.get().thenApply(result -> null)
                : connection(target.name(), node.docker(), host, port);
        called(new Call.Connect(target.name(), host, port));
        return connected;
    }

    private CompletableFuture<TcpConnection> connection(String node, FakeDocker docker, String host, int port) {
        String address = host + ":" + port;
        Optional<Integer> answer = docker.visit(host, port, null);
        if (answer.isEmpty()) {
            return CompletableFuture.failedFuture(new ConnectFailure(node, ConnectFailure.Reason.UNREACHABLE,
                    node + ": " + address + ": no route to host"));
        }
        if (answer.get() == FakeApp.REFUSED) {
            return CompletableFuture.failedFuture(new ConnectFailure(node, ConnectFailure.Reason.REFUSED,
                    node + ": " + address + ": connection refused"));
        }
        return CompletableFuture.completedFuture(new FakeConnection(path -> {
            synchronized (this) {
                return docker.visit(host, port, path).orElse(FakeApp.REFUSED);
            }
        }));
    }

    @Override
    public synchronized Tunnel tunnel(SshTarget target, int remotePort) {
        String message = target.name() + ": the fake cluster has no tunnels (asked for port " + remotePort + ")";
        unanswered.add(message);
        throw new UnsupportedOperationException(message);
    }

    /** Nothing to close: the nodes outlive a run, as servers do. */
    @Override
    public void close() {
    }

    private void called(Call call) {
        calls.add(call);
        List.copyOf(listeners).forEach(listener -> listener.accept(call));
    }

    private Optional<CompletableFuture<CommandResult>> unreachable(SshTarget target, FakeNode node) {
        if (node == null) {
            return Optional.of(unanswered(target, "no such node in the fake cluster"));
        }
        return node.unreachableBecause().map(reason -> CompletableFuture.failedFuture(new SshFailure(target.name(),
                FailureKind.UNREACHABLE, target.name() + " (" + target.host() + ":" + (target.port() == null ? 22
                : target.port()) + "): " + reason)));
    }

    private CompletableFuture<CommandResult> unanswered(SshTarget target, String message) {
        String line = target.name() + ": " + message;
        unanswered.add(line);
        return CompletableFuture.failedFuture(new SshFailure(target.name(), FailureKind.PROTOCOL, line));
    }
}
