package dev.berth.cli.observe;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Listing.Column;
import dev.berth.exec.NodeObservation;
import dev.berth.model.ContainerUsage;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of {@code top}: live CPU and memory of nodes (all their running containers together) and of
 * berth's pods, from {@code docker stats}.
 */
final class UsageListing {

    private UsageListing() {
    }

    /** Usage of one node or pod: CPU in millis, memory in bytes. */
    record Usage(String name, long cpuMillis, long memoryBytes, Long cpuCapacityMillis, Long memoryCapacityBytes) {
    }

    static Listing nodes(List<NodeObservation> observations, List<String> names) {
        List<Listing.Item> items = new ArrayList<>();
        for (NodeObservation observation : observations) {
            String name = observation.node().name();
            if (!observation.ready() || (!names.isEmpty() && !names.contains(name))) {
                continue;
            }
            long cpu = Math.round(observation.usage().stream().mapToDouble(ContainerUsage::cpuPercent).sum() * 10);
            long memory = observation.usage().stream().mapToLong(ContainerUsage::memoryBytes).sum();
            NodeSummary summary = NodeSummary.of(observation);
            Usage usage = new Usage(name, cpu, memory, summary.capacity().cpuMillis(),
                    summary.capacity().memoryBytes());
            items.add(new Listing.Item("node/" + name, List.of(name, Humanize.cpu(cpu),
                    percent(cpu, summary.capacity().cpuMillis()), Humanize.memory(memory),
                    percent(memory, summary.capacity().memoryBytes())), usage));
        }
        return Listing.of(List.of(Column.of("NAME"), Column.of("CPU(cores)"), Column.of("CPU%"),
                Column.of("MEMORY(bytes)"), Column.of("MEMORY%")), items);
    }

    static Listing pods(List<NodeObservation> observations, List<ObservedPod> pods, boolean allNamespaces) {
        Map<String, ContainerUsage> byId = new HashMap<>();
        observations.forEach(o -> o.usage().forEach(u -> byId.put(u.containerId(), u)));
        List<Listing.Item> items = new ArrayList<>();
        for (ObservedPod pod : pods) {
            long cpu = 0;
            long memory = 0;
            for (ObservedContainer container : pod.containers()) {
                ContainerUsage usage = byId.get(container.id());
                if (usage != null) {
                    cpu += Math.round(usage.cpuPercent() * 10);
                    memory += usage.memoryBytes();
                }
            }
            List<String> cells = new ArrayList<>();
            if (allNamespaces) {
                cells.add(pod.namespace());
            }
            cells.addAll(List.of(pod.name(), Humanize.cpu(cpu), Humanize.memory(memory), pod.node()));
            items.add(new Listing.Item("pod/" + pod.name(), cells, new Usage(pod.name(), cpu, memory, null, null)));
        }
        List<Column> columns = new ArrayList<>();
        if (allNamespaces) {
            columns.add(Column.of("NAMESPACE"));
        }
        columns.addAll(List.of(Column.of("NAME"), Column.of("CPU(cores)"), Column.of("MEMORY(bytes)"),
                Column.of("NODE")));
        return Listing.of(columns, items);
    }

    private static String percent(long part, long whole) {
        return whole <= 0 ? "<unknown>" : Math.round(100.0 * part / whole) + "%";
    }
}
