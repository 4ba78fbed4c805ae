package dev.berth.cli.observe;

import dev.berth.model.Deployment;
import dev.berth.model.LabelSelector;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What {@code describe deployment} and {@code describe pod} print of a Deployment and of a pending replica. */
final class DeploymentPage {

    private DeploymentPage() {
    }

    static String render(DeploymentStatus status, Instant now) {
        Deployment.Spec spec = status.deployment().spec();
        int pending = status.pending().size();
        Description description = new Description()
                .field("Name", status.name())
                .field("Namespace", status.namespace())
                .field("Age", status.createdAt() == null ? "<unknown>"
                        : Humanize.age(Duration.between(status.createdAt(), now)))
                .field("Labels", labels(status.deployment().metadata().labels()))
                .field("Selector", selector(spec.selector()))
                .field("Replicas", status.desired() + " desired | " + status.updated() + " updated | "
                        + status.total() + " total | " + status.available() + " available | "
                        + Math.max(0, status.desired() - status.available()) + " unavailable"
                        + (pending > 0 ? " | " + pending + " pending" : ""))
                .field("Strategy", strategy(spec.strategy()))
                .field("Revision", status.revision() == 0 ? "<none>" : status.revision()
                        + (status.changeCause() == null ? "" : " (" + status.changeCause() + ")"))
                .field("Images", String.join(", ", status.images()));
        reasons(status.pending()).forEach(reason -> description.field("Pending", reason));
        if (spec.paused()) {
            description.field("Paused", "true");
        }
        return description.render();
    }

    /** The page of a replica no node runs: its Deployment and why it cannot start. */
    static String pending(PendingPod pod) {
        return new Description()
                .field("Name", pod.name())
                .field("Namespace", pod.namespace())
                .field("Deployment", pod.deployment())
                .field("Node", "<none>")
                .field("Status", "Pending")
                .field("Ready", "0/" + pod.containers())
                .field("Labels", labels(pod.labels()))
                .field("Reason", pod.reason())
                .render();
    }

    /** Each distinct reason once, with the number of replicas it holds back when more than one. */
    static List<String> reasons(List<String> pending) {
        Map<String, Integer> counted = new LinkedHashMap<>();
        pending.forEach(reason -> counted.merge(reason, 1, Integer::sum));
        List<String> lines = new ArrayList<>();
        counted.forEach((reason, count) -> lines.add(reason + (count > 1 ? " (" + count + " replicas)" : "")));
        return lines;
    }

    private static String strategy(Deployment.Strategy strategy) {
        if (strategy == null || strategy.rollingUpdate() == null) {
            return strategy == null ? "<none>" : strategy.type();
        }
        return strategy.type() + " (max surge " + strategy.rollingUpdate().maxSurge() + ", max unavailable "
                + strategy.rollingUpdate().maxUnavailable() + ")";
    }

    private static String selector(LabelSelector selector) {
        List<String> parts = new ArrayList<>();
        selector.matchLabels().forEach((key, value) -> parts.add(key + "=" + value));
        selector.matchExpressions().forEach(r -> parts.add(r.key() + " " + r.operator()
                + (r.values().isEmpty() ? "" : " (" + String.join(",", r.values()) + ")")));
        return String.join(",", parts);
    }

    private static String labels(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                .collect(Collectors.joining(", "));
    }
}
