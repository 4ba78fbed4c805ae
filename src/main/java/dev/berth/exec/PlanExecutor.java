package dev.berth.exec;

import dev.berth.docker.DockerErrors;
import dev.berth.docker.NodeCommands;
import dev.berth.docker.ProxyCommands;
import dev.berth.plan.Action;
import dev.berth.ssh.CommandResult;
import dev.berth.ssh.NodeResult;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.Transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The only code that applies a plan. It works in two phases across the cluster: first every step that adds
 * (networks, files, pulls, new containers; and the clean-up of files no container uses any more), then every
 * removal, so that a replacement on one node is up before
 * a replica it replaces stops on another. Nodes work in parallel (bounded by the fan-out); on one node the
 * steps run in the plan's order, and the first failure stops that node's remaining steps. When any adding
 * step failed, no removal runs: an old replica is never removed while its replacement is missing. The proxies'
 * loads are steps that add: replicas the plan removes have left the upstreams before they stop, and drain
 * before the removals begin: until the reloaded proxies' old workers have finished the requests and connections
 * they carried, at most {@code drain}. Only then does a leaving replica get SIGTERM, and its own grace period.
 */
public final class PlanExecutor {
    /**
     * How long replicas that left the upstreams may keep serving what was under way before they are stopped:
     * Kubernetes' default {@code terminationGracePeriodSeconds}. The wait ends sooner, when the proxies' old
     * workers have finished every request and connection they carried.
     */
    public static final Duration DRAIN = Duration.ofSeconds(30);

    private final ClusterAccess access;
    private final Consumer<StepResult> progress;
    private final Pause pause;
    private final Duration drain;
    private final ProxyReload reload;

    public PlanExecutor(ClusterAccess access, Consumer<StepResult> progress) {
        this(access, progress, Pause.SLEEP, Duration.ZERO);
    }

    /** @param drain how long to wait between a proxy's load and the removal of the replicas it let go */
    public PlanExecutor(ClusterAccess access, Consumer<StepResult> progress, Pause pause, Duration drain) {
        this.access = access;
        this.progress = progress;
        this.pause = pause;
        this.drain = drain;
        this.reload = new ProxyReload(access.transport(), ProxyReload.VERIFY);
    }

    /** Carries out every action; returns one result per action, in plan order. */
    public List<StepResult> execute(List<Action> actions) {
        List<Action> adding = actions.stream().filter(action -> !removes(action)).toList();
        List<Action> removing = actions.stream().filter(PlanExecutor::removes).toList();
        Map<Action, StepResult> byAction = new LinkedHashMap<>();
        executePhase(adding).forEach(step -> byAction.put(step.action(), step));
        if (byAction.values().stream().anyMatch(StepResult::failed)) {
            for (Action action : removing) {
                StepResult step = new StepResult(action, StepResult.Outcome.SKIPPED,
                        "skipped: a step that adds failed, so nothing is removed");
                byAction.put(action, step);
                progress.accept(step);
            }
        } else {
            if (!removing.isEmpty()) {
                drain(adding.stream().filter(Action.ConfigureProxy.class::isInstance)
                        .map(Action.ConfigureProxy.class::cast).filter(Action.ConfigureProxy::running).toList());
            }
            executePhase(removing).forEach(step -> byAction.put(step.action(), step));
        }
        return actions.stream().map(byAction::get).toList();
    }

    private static boolean removes(Action action) {
        return action instanceof Action.RemoveContainer || action instanceof Action.RemoveProxy
                || action instanceof Action.CleanUpPod cleanUp && !cleanUp.orphan();
    }

    private void drain(List<Action.ConfigureProxy> reloaded) {
        new ProxyDrain(access, pause, drain).await(reloaded);
    }

    private List<StepResult> executePhase(List<Action> actions) {
        Map<String, List<Action>> byNode = new LinkedHashMap<>();
        actions.forEach(action -> byNode.computeIfAbsent(action.node(), node -> new ArrayList<>()).add(action));
        List<SshTarget> targets = byNode.keySet().stream().map(access::node).toList();
        List<NodeResult<List<StepResult>>> results = access.onNodes(targets,
                target -> runInOrder(target, byNode.get(target.name())));
        Map<Action, StepResult> byAction = new LinkedHashMap<>();
        for (NodeResult<List<StepResult>> result : results) {
            if (result instanceof NodeResult.Ok<List<StepResult>> ok) {
                ok.value().forEach(step -> byAction.put(step.action(), step));
            } else if (result instanceof NodeResult.Failed<List<StepResult>> failed) {
                for (Action action : byNode.get(failed.node())) {
                    StepResult step = new StepResult(action, StepResult.Outcome.FAILED, failed.message());
                    byAction.put(action, step);
                    progress.accept(step);
                }
            }
        }
        return actions.stream().map(byAction::get).toList();
    }

    private CompletableFuture<List<StepResult>> runInOrder(SshTarget node, List<Action> steps) {
        CompletableFuture<List<StepResult>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (Action action : steps) {
            chain = chain.thenCompose(done -> {
                if (!done.isEmpty() && done.get(done.size() - 1).outcome() != StepResult.Outcome.DONE) {
                    StepResult skipped = new StepResult(action, StepResult.Outcome.SKIPPED,
                            "skipped: an earlier step on " + node.name() + " failed");
                    return withoutEnvFile(node, action).thenCompose(ignored -> record(done, skipped));
                }
                return run(node, action).handle((message, error) -> error == null
                        ? new StepResult(action, StepResult.Outcome.DONE, message)
                        : new StepResult(action, StepResult.Outcome.FAILED, reason(error)))
                        .thenCompose(step -> record(done, step));
            });
        }
        return chain;
    }

    /**
     * A start that will not run no longer needs the env file written for it: it is deleted, so that no Secret's
     * value waits on the node for the next run.
     */
    private CompletableFuture<Void> withoutEnvFile(SshTarget node, Action action) {
        if (action instanceof Action.RunContainer run && run.envFile() != null) {
            return access.transport().run(node, NodeCommands.removePodFile(run.envFile()))
                    .handle((result, error) -> null);
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<List<StepResult>> record(List<StepResult> done, StepResult step) {
        progress.accept(step);
        done.add(step);
        return CompletableFuture.completedFuture(done);
    }

    private CompletableFuture<String> run(SshTarget node, Action action) {
        Transport transport = access.transport();
        if (action instanceof Action.EnsureNetwork network) {
            return checked(transport.run(node, NodeCommands.ensureNetwork(network.name())));
        }
        if (action instanceof Action.PullImage pull) {
            return checked(transport.run(node, pull.onlyIfMissing() ? NodeCommands.pullIfMissing(pull.image())
                    : NodeCommands.pull(pull.image())));
        }
        if (action instanceof Action.RunContainer run) {
            CompletableFuture<String> started = checked(run.files().isEmpty() ? transport.run(node, run.argv())
                    : transport.run(node, run.argv(), run.files().bytes()));
            return run.envFile() == null ? started : started.handle((id, error) -> error)
                    .thenCompose(error -> transport.run(node, NodeCommands.removePodFile(run.envFile()))
                            .handle((removed, ignored) -> error))
                    .thenCompose(error -> error == null ? started : CompletableFuture.failedFuture(error));
        }
        if (action instanceof Action.RemoveContainer remove) {
            return checked(transport.run(node, NodeCommands.removeContainer(remove.containerId())));
        }
        if (action instanceof Action.RestartContainer restart) {
            return checked(transport.run(node, NodeCommands.restartContainer(restart.containerId())));
        }
        if (action instanceof Action.ConfigureProxy proxy) {
            return reload.apply(node, proxy);
        }
        if (action instanceof Action.RemoveProxy proxy) {
            return checked(transport.run(node, ProxyCommands.remove(proxy.container(), proxy.directory())));
        }
        if (action instanceof Action.CleanUpPod cleanUp) {
            return checked(transport.run(node, NodeCommands.cleanUpPod(cleanUp.directory(), cleanUp.pod())));
        }
        Action.WriteFile file = (Action.WriteFile) action;
        return checked(transport.run(node, NodeCommands.prepareDirectory(parent(file.path()))))
                .thenCompose(ignored -> transport.upload(node, file.content(), file.path(), file.mode()))
                .thenApply(ignored -> "");
    }

    private static CompletableFuture<String> checked(CompletableFuture<CommandResult> command) {
        return command.thenApply(result -> {
            if (!result.succeeded()) {
                String reason = DockerErrors.reason(result.stderrText());
                throw new StepFailure("exit " + result.exitCode() + (reason.isEmpty() ? "" : ": " + reason));
            }
            return result.stdoutText().strip();
        });
    }

    private static String parent(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    private static String reason(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && (cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** A remote step that ran and failed. */
    static final class StepFailure extends RuntimeException {
        StepFailure(String message) {
            super(message);
        }
    }
}
