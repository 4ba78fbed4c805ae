package dev.berth.cli.attach;

import dev.berth.cli.BaseCommand;
import dev.berth.cli.observe.ScopeOptions;
import dev.berth.docker.LogRequest;
import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.ClusterAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code berth logs}: what containers wrote, of one replica, of a Deployment's replicas or of those a selector picks. */
@Command(name = "logs",
        description = {"Print the logs of a container of a pod, of every replica of a Deployment, or of the pods "
                + "a selector picks.",
                "Logs are read with docker logs on the replicas' nodes, over one SSH session per node. Lines of "
                        + "several containers are prefixed with [pod/NAME/CONTAINER]; what a container wrote on "
                        + "stderr goes to stderr. With -f on a Deployment or a selector, berth keeps looking at "
                        + "the cluster: replicas a rollout starts join, those it removes leave, each said on "
                        + "stderr, until interrupted. --previous shows what a container wrote before docker last "
                        + "restarted it; berth replaces a dead replica with a new container, whose log starts "
                        + "empty. Exit code 3 when a node or a log could not be read."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # The log of pod web-7c9f4-x2k1q (its first container)",
                "  berth logs web-7c9f4-x2k1q",
                "",
                "  # Every replica of deployment web, across nodes, each line prefixed",
                "  berth logs deployment/web",
                "",
                "  # Follow them through a rollout, from the last 20 lines of each",
                "  berth logs -f deploy/web --tail 20",
                "",
                "  # Container sidecar of the pods labelled app=web in shop, last hour, timed",
                "  berth logs -l app=web -c sidecar -n shop --since 1h --timestamps",
                "",
                "  # What the container wrote before docker restarted it",
                "  berth logs web-7c9f4-x2k1q --previous"})
public final class LogsCommand extends BaseCommand {
    static final String USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.";
    private static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(2);

    @Parameters(index = "0", arity = "0..1", paramLabel = "POD|TYPE/NAME",
            description = "A pod, pod/NAME, or deployment/NAME (deploy/NAME) for every replica.")
    String target;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CONTAINER", description = "Same as -c.")
    String containerArgument;

    @Option(names = {"-c", "--container"}, paramLabel = "NAME",
            description = "The container of the pod template (default: the first).")
    String container;

    @Option(names = "--all-containers", description = "Every container of the chosen pods.")
    boolean allContainers;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines, through rollouts.")
    boolean follow;

    @Option(names = "--since", paramLabel = "DURATION",
            description = "Only lines newer than this, e.g. 30s, 5m, 1h.")
    Duration since;

    @Option(names = "--tail", paramLabel = "N",
            description = "Only the last N lines of each container (default: all; 10 with -l).")
    Integer tail;

    @Option(names = "--timestamps", description = "Start each line with the time docker took it, RFC 3339.")
    boolean timestamps;

    @Option(names = {"-p", "--previous"},
            description = "What the container wrote before docker last restarted it.")
    boolean previous;

    @Option(names = "--prefix", arity = "0..1", paramLabel = "BOOL",
            description = "Prefix each line with [pod/NAME/CONTAINER] (default: when there are several).")
    Boolean prefix;

    @Option(names = "--max-log-requests", paramLabel = "N", defaultValue = "5",
            description = "The most containers followed at once with -f (default: ${DEFAULT-VALUE}).")
    int maxLogRequests;

    @Mixin
    ScopeOptions scope;

    @Override
    public Integer call() {
        Optional<PodReference> reference = validate();
        LogRequest request = request(reference.isEmpty());
        PodSelection selection = new PodSelection(reference, scope.pods(namespace(), List.of()),
                container != null ? container : containerArgument, allContainers);
        try (ClusterAccess access = connect()) {
            PodSelection.Found found = selection.first(access, err());
            if (found.containers().isEmpty()) {
                err().println("No resources found" + selection.where() + ".");
                return found.silent().isEmpty() ? ExitCode.OK.code() : ExitCode.NOT_CONVERGED.code();
            }
            List<PodContainer> sources = previous ? Previous.only(found.containers(), err()) : found.containers();
            if (follow && sources.size() > maxLogRequests) {
                throw new InvalidInputException("you are attempting to follow " + sources.size() + " log streams, "
                        + "but maximum allowed concurrency is " + maxLogRequests
                        + ", use --max-log-requests to increase the limit");
            }
            LogLines lines = new LogLines(out(), err());
            LogStreams streams = new LogStreams(access, lines,
                    prefix != null ? prefix : sources.size() > 1, maxLogRequests);
            for (PodContainer source : sources) {
                LogRequest asked = previous ? request.until(source.container().startedAt()) : request;
                if (!follow) {
                    streams.read(source, asked).join();
                } else {
                    streams.read(source, asked);
                }
            }
            if (follow && reference.map(PodReference::deployment).orElse(true)) {
                keepFollowing(streams, selection, access, request);
            } else {
                streams.awaitAll();
            }
            return streams.failed() || !found.silent().isEmpty() ? ExitCode.NOT_CONVERGED.code() : ExitCode.OK.code();
        }
    }

    private void keepFollowing(LogStreams streams, PodSelection selection, ClusterAccess access, LogRequest request) {
        try {
            while (true) {
                environment().pause().sleep(FOLLOW_INTERVAL);
                if (Thread.interrupted()) {
                    return;
                }
                PodSelection.Found now = selection.find(access);
                streams.refresh(now.containers(), now.silent(), request);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.cancelAll();
        }
    }

    /** Usage checks, before any server is asked; kubectl's words where kubectl has them. */
    private Optional<PodReference> validate() {
        if (target == null && scope.labels() == null) {
            throw new InvalidInputException(USAGE + " POD or TYPE/NAME is a required argument for the logs command");
        }
        if (target != null && scope.labels() != null) {
            throw new InvalidInputException("only a selector (-l) or a POD name is allowed");
        }
        if (container != null && containerArgument != null) {
            throw new InvalidInputException("only one of -c or an inline [CONTAINER] arg is allowed");
        }
        if (allContainers && (container != null || containerArgument != null)) {
            throw new InvalidInputException("--all-containers=true should not be specified with container name");
        }
        if (follow && previous) {
            throw new InvalidInputException("only one of follow (-f) or previous (-p) is allowed");
        }
        if (tail != null && tail < -1) {
            throw new InvalidInputException("--tail must be -1 (all lines) or more, got " + tail);
        }
        if (maxLogRequests <= 0) {
            throw new InvalidInputException("--max-log-requests must be greater than 0");
        }
        if (since != null && (since.isNegative() || since.isZero())) {
            throw new InvalidInputException("--since must be greater than 0");
        }
        if (target != null && scope.pods("default", List.of()).allNamespaces()) {
            throw new InvalidInputException("-A/--all-namespaces goes with -l, not with a POD or TYPE/NAME");
        }
        return Optional.ofNullable(target).map(PodReference::parse);
    }

    private LogRequest request(boolean bySelector) {
        int lines = tail != null ? tail : bySelector ? 10 : -1;
        return new LogRequest(follow, Optional.ofNullable(since), Optional.empty(), Optional.empty(), lines,
                timestamps);
    }
}
