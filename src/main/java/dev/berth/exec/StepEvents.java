package dev.berth.exec;

import dev.berth.docker.DockerErrors;
import dev.berth.plan.Action;
import dev.berth.state.ClusterEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The events of the steps a run carried out, in the kubelet's words: a replica assigned to its node
 * ({@code Scheduled}), images pulled, containers started, stopped ({@code Killing}, with the plan's reason) or
 * replaced because they died ({@code BackOff}), restarted after failed liveness probes, and every step that failed
 * with the error it failed with ({@code Failed}; a pull that failed also says {@code Error: ErrImagePull}). Pure.
 */
final class StepEvents {
    static final String POD = "Pod";
    static final String NODE = "Node";

    private final Instant now;
    private final List<ClusterEvent> events = new ArrayList<>();
    private final Set<String> scheduled = new HashSet<>();

    private StepEvents(Instant now) {
        this.now = now;
    }

    static List<ClusterEvent> of(List<StepResult> steps, Instant now) {
        StepEvents made = new StepEvents(now);
        steps.forEach(step -> made.step(step, steps));
        return List.copyOf(made.events);
    }

    private void step(StepResult step, List<StepResult> all) {
        Action action = step.action();
        if (step.outcome() == StepResult.Outcome.SKIPPED) {
            return;
        }
        if (action instanceof Action.RunContainer run) {
            started(run, step);
        } else if (action instanceof Action.PullImage pull) {
            pulled(pull, step, all);
        } else if (action instanceof Action.RemoveContainer remove) {
            removed(remove, step);
        } else if (action instanceof Action.RestartContainer restart) {
            restarted(restart, step);
        } else if (step.failed()) {
            String what = action.describe().substring(action.node().length() + 2);
            event(ClusterEvent.WARNING, "Failed", NODE, "", action.node(), "Failed to " + what + ": "
                    + step.message(), action.node());
        }
    }

    private void started(Action.RunContainer run, StepResult step) {
        String container = ContainerName.parse(run.container()).map(ContainerName::container)
                .orElse(run.container());
        String namespace = namespace(run);
        scheduled(namespace, run.pod(), run.node());
        if (step.outcome() == StepResult.Outcome.DONE) {
            pod(ClusterEvent.NORMAL, "Started", namespace, run.pod(), "Started container " + container, run.node());
        } else if (DockerErrors.pullFailed(step.message())) {
            pullFailed(namespace, run.pod(), run.node(), run.image(), step.message());
        } else {
            pod(ClusterEvent.WARNING, "Failed", namespace, run.pod(), "Error: " + step.message(), run.node());
        }
    }

    /** A pull is of the replicas it was for (those the run starts on the node with the image), else of the node. */
    private void pulled(Action.PullImage pull, StepResult step, List<StepResult> all) {
        boolean done = step.outcome() == StepResult.Outcome.DONE;
        List<Action.RunContainer> users = all.stream().map(StepResult::action)
                .filter(Action.RunContainer.class::isInstance).map(Action.RunContainer.class::cast)
                .filter(run -> run.node().equals(pull.node()) && run.image().equals(pull.image())).toList();
        if (users.isEmpty()) {
            event(done ? ClusterEvent.NORMAL : ClusterEvent.WARNING, done ? "Pulled" : "Failed", NODE, "",
                    pull.node(), done ? pulled(pull, step) : pullMessage(pull.image(), step.message()), pull.node());
        }
        for (Action.RunContainer run : users) {
            if (done) {
                pod(ClusterEvent.NORMAL, "Pulled", namespace(run), run.pod(), pulled(pull, step), pull.node());
            } else {
                scheduled(namespace(run), run.pod(), run.node());
                pullFailed(namespace(run), run.pod(), pull.node(), pull.image(), step.message());
            }
        }
    }

    private void restarted(Action.RestartContainer restart, StepResult step) {
        Optional<ContainerName> name = ContainerName.parse(restart.name());
        String container = name.map(ContainerName::container).orElse(restart.name());
        String namespace = name.map(ContainerName::namespace).orElse("");
        String pod = name.map(ContainerName::pod).orElse(restart.name());
        if (step.outcome() == StepResult.Outcome.DONE) {
            pod(ClusterEvent.WARNING, "Unhealthy", namespace, pod, capitalized(restart.reason()), restart.node());
            pod(ClusterEvent.NORMAL, "Killing", namespace, pod, "Container " + container
                    + " failed liveness probe, will be restarted", restart.node());
        } else {
            pod(ClusterEvent.WARNING, "Failed", namespace, pod, "Failed to restart container " + container + ": "
                    + step.message(), restart.node());
        }
    }

    private static String namespace(Action.RunContainer run) {
        return run.deployment().substring(0, run.deployment().indexOf('/'));
    }

    private void removed(Action.RemoveContainer remove, StepResult step) {
        Optional<ContainerName> name = ContainerName.parse(remove.name());
        String container = name.map(ContainerName::container).orElse(remove.name());
        String namespace = name.map(ContainerName::namespace).orElse("");
        String pod = name.map(ContainerName::pod).orElse(remove.name());
        if (step.outcome() != StepResult.Outcome.DONE) {
            pod(ClusterEvent.WARNING, "Failed", namespace, pod, "Failed to stop container " + container + ": "
                    + step.message(), remove.node());
        } else if (remove.reason().startsWith("dead") || remove.reason().startsWith("incomplete")) {
            pod(ClusterEvent.WARNING, "BackOff", namespace, pod, "Back-off restarting failed container " + container
                    + ": " + remove.reason() + ", replaced by a new replica", remove.node());
        } else {
            pod(ClusterEvent.NORMAL, "Killing", namespace, pod, "Stopping container " + container + ": "
                    + remove.reason(), remove.node());
        }
    }

    /** The replica was given its node: said once per replica, as the scheduler says it. */
    private void scheduled(String namespace, String pod, String node) {
        if (scheduled.add(namespace + "/" + pod)) {
            pod(ClusterEvent.NORMAL, "Scheduled", namespace, pod, "Successfully assigned " + namespace + "/" + pod
                    + " to " + node, "");
        }
    }

    private void pullFailed(String namespace, String pod, String node, String image, String reason) {
        pod(ClusterEvent.WARNING, "Failed", namespace, pod, pullMessage(image, reason), node);
        pod(ClusterEvent.WARNING, "Failed", namespace, pod, RunEvents.ERR_IMAGE_PULL, node);
    }

    /** {@code Failed to pull image "IMAGE": REASON}, the kubelet's words. */
    static String pullMessage(String image, String reason) {
        return RunEvents.PULL_FAILED + "\"" + image + "\": " + reason;
    }

    /** A pull only if missing that printed nothing found the image there already ({@code docker pull} prints it). */
    private static String pulled(Action.PullImage pull, StepResult step) {
        return pull.onlyIfMissing() && step.message().isBlank()
                ? "Container image \"" + pull.image() + "\" already present on machine"
                : "Successfully pulled image \"" + pull.image() + "\"";
    }

    private void pod(String type, String reason, String namespace, String pod, String message, String node) {
        event(type, reason, POD, namespace, pod, message, node);
    }

    private void event(String type, String reason, String kind, String namespace, String name, String message,
                       String node) {
        events.add(ClusterEvent.of(type, reason, kind, namespace, name, message, node, now));
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
