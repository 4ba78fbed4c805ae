package dev.berth.cli.observe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.output.TabbedText;
import dev.berth.cli.rollout.PodTemplatePage;
import dev.berth.model.Deployment;
import dev.berth.model.LabelSelector;
import dev.berth.state.ClusterEvent;

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

    /** kubectl's page: the counts and strategy, the pod template, the conditions and the Deployment's events. */
    static String render(DeploymentStatus status, List<ClusterEvent> events, Instant now) {
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
        return description.section(PodTemplatePage.render(spec.template(), null))
                .section(conditions(DeploymentObject.of(status)))
                .events(EventTable.lines(events, now))
                .render();
    }

    /** The page of a replica no node runs: its Deployment, why it cannot start, and its events. */
    static String pending(PendingPod pod, List<ClusterEvent> events, Instant now) {
        return new Description()
                .field("Name", pod.name())
                .field("Namespace", pod.namespace())
                .field("Deployment", pod.deployment())
                .field("Node", pod.node() == null ? "<none>" : pod.node())
                .field("Status", pod.status())
                .field("Ready", "0/" + pod.containers())
                .field("Labels", labels(pod.labels()))
                .field("Reason", pod.reason())
                .events(EventTable.lines(events, now))
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

    /** {@code Conditions:} with Type, Status and Reason of each, as {@code status.conditions} holds them. */
    static String conditions(ObjectNode deployment) {
        TabbedText table = new TabbedText().line("Conditions:").line("  Type\tStatus\tReason")
                .line("  ----\t------\t------");
        deployment.path("status").path("conditions").forEach(condition -> table.line("  "
                + condition.path("type").asText() + "\t" + condition.path("status").asText() + "\t"
                + condition.path("reason").asText()));
        return table.render();
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
