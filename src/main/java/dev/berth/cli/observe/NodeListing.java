package dev.berth.cli.observe;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Listing.Column;
import dev.berth.model.EngineFacts;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The table of {@code get nodes}. */
final class NodeListing {
    private static final List<Column> COLUMNS = List.of(Column.of("NAME"), Column.of("STATUS"), Column.of("ROLES"),
            Column.of("DOCKER"), Column.of("CPU(REQ/CAP)"), Column.of("MEMORY(REQ/CAP)"), Column.of("PODS"),
            Column.wide("ADDRESS"), Column.wide("OS-IMAGE"), Column.wide("KERNEL"), Column.wide("LABELS"));

    private NodeListing() {
    }

    static Listing of(List<NodeSummary> nodes) {
        return Listing.of(COLUMNS, nodes.stream().map(NodeListing::item).toList());
    }

    private static Listing.Item item(NodeSummary node) {
        EngineFacts engine = node.engine();
        String unknown = "<unknown>";
        return new Listing.Item("node/" + node.name(), List.of(
                node.name(), node.status(), node.rolesText(),
                engine == null ? unknown : engine.engineVersion(),
                engine == null ? unknown : node.cpuText(),
                engine == null ? unknown : node.memoryText(),
                engine == null ? unknown : String.valueOf(node.pods()),
                node.address(),
                engine == null ? unknown : engine.operatingSystem(),
                engine == null ? unknown : engine.kernelVersion(),
                labels(node.labels())), node);
    }

    private static String labels(Map<String, String> labels) {
        return labels.isEmpty() ? "<none>" : labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .sorted().collect(Collectors.joining(","));
    }
}
