package dev.berth.cli.observe;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.berth.exec.NodeObservation;
import dev.berth.model.BerthLabels;
import dev.berth.model.Cluster;
import dev.berth.model.EngineFacts;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;

import java.util.List;
import java.util.Map;

/**
 * A node as {@code get nodes} and {@code describe node} show it: status, roles, engine, capacity and what
 * berth's running containers request of it. Capacity comes from the inventory when it names one, otherwise
 * from the engine.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeSummary(String name, String address, String status, String reason, List<String> roles,
                          Map<String, String> labels, EngineFacts engine, Resources capacity, Resources requested,
                          int pods) {

    /** CPU in millis and memory in bytes. */
    public record Resources(long cpuMillis, long memoryBytes) {
    }

    public static NodeSummary of(NodeObservation observation) {
        return of(observation, false);
    }

    /** As {@link #of(NodeObservation)}; a cordoned node's status gains {@code ,SchedulingDisabled}, as in kubectl. */
    public static NodeSummary of(NodeObservation observation, boolean cordoned) {
        Cluster.Node node = observation.node();
        EngineFacts engine = observation.snapshot() == null ? null : observation.snapshot().engine();
        List<ObservedContainer> containers = observation.snapshot() == null ? List.of()
                : observation.snapshot().containers();
        Cluster.Capacity declared = node.capacity();
        long cpu = declared != null && declared.cpu() != null ? declared.cpu().millis()
                : engine == null ? 0 : engine.cpus() * 1000L;
        long memory = declared != null && declared.memory() != null ? declared.memory().bytes()
                : engine == null ? 0 : engine.memoryBytes();
        long cpuRequested = 0;
        long memoryRequested = 0;
        for (ObservedContainer container : containers) {
            if (container.running() && container.managedByBerth()) {
                cpuRequested += number(container.label(BerthLabels.CPU_REQUEST));
                memoryRequested += number(container.label(BerthLabels.MEMORY_REQUEST));
            }
        }
        return new NodeSummary(node.name(), node.address(),
                observation.status().display() + (cordoned ? ",SchedulingDisabled" : ""),
                observation.reason().isEmpty() ? null : observation.reason(), node.roles(), node.labels(), engine,
                new Resources(cpu, memory), new Resources(cpuRequested, memoryRequested),
                ObservedPod.group(node.name(), containers).size());
    }

    public String rolesText() {
        return roles.isEmpty() ? "<none>" : String.join(",", roles);
    }

    public String cpuText() {
        return Humanize.share(Humanize.cpu(requested.cpuMillis()), Humanize.cpu(capacity.cpuMillis()),
                requested.cpuMillis(), capacity.cpuMillis());
    }

    public String memoryText() {
        return Humanize.share(Humanize.memory(requested.memoryBytes()), Humanize.memory(capacity.memoryBytes()),
                requested.memoryBytes(), capacity.memoryBytes());
    }

    private static long number(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
