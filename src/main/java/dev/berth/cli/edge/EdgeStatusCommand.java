package dev.berth.cli.edge;

import dev.berth.cli.BaseCommand;
import dev.berth.cli.output.Listing.Column;
import dev.berth.cli.output.Listing;
import dev.berth.error.ClusterException;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.EdgeStatus;
import picocli.CommandLine.Command;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/** {@code berth edge status}: per edge node, the configuration its nginx serves and when it was loaded. */
@Command(name = "status",
        description = {"Show, for every edge node, the hash of the configuration its nginx serves now (asked on "
                + "the node), the one berth loaded and verified last, and when.",
                "Exit 0 when every edge node serves what berth loaded last, 3 otherwise."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # The configuration each edge node serves, and when berth loaded it",
                "  berth edge status",
                "",
                "  # The same for the context prod, as JSON for a script",
                "  berth --context prod edge status -o json"})
final class EdgeStatusCommand extends BaseCommand {
    private static final List<Column> COLUMNS = List.of(Column.of("NODE"), Column.of("EDGE"), Column.of("SERVING"),
            Column.of("LOADED"), Column.of("LOADED AT"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One edge node, as {@code -o json|yaml} print it. */
    record EdgeNodeDocument(String node, String edge, String serving, String loaded, Instant loadedAt,
                            String reason) {
    }

    @Override
    public Integer call() {
        List<EdgeStatus.Node> nodes;
        try (ClusterAccess access = connect()) {
            nodes = EdgeStatus.of(access);
        }
        ZoneId zone = environment().clock().getZone();
        print(Listing.of(COLUMNS, nodes.stream().map(node -> new Listing.Item("node/" + node.node(),
                        List.of(node.node(), node.state(), shortHash(node.serving()), shortHash(node.loaded()),
                                node.loadedAt() == null ? "<none>" : TIME.format(node.loadedAt().atZone(zone))),
                        new EdgeNodeDocument(node.node(), node.state(), node.serving(), node.loaded(), node.loadedAt(),
                                node.reason().isEmpty() ? null : node.reason()))).toList())
                .withEmptyMessage("No edge nodes: give a node the role edge in the inventory."));
        nodes.stream().filter(node -> !node.reason().isEmpty())
                .forEach(node -> err().println("warning: " + node.reason()));
        err().flush();
        List<String> off = nodes.stream().filter(node -> node.serving() == null
                || !Objects.equals(node.serving(), node.loaded())).map(EdgeStatus.Node::node).toList();
        if (!off.isEmpty()) {
            throw new ClusterException("the edge on " + String.join(", ", off) + " does not serve what berth loaded "
                    + "last; berth reconcile loads it again");
        }
        return 0;
    }

    private static String shortHash(String hash) {
        return hash == null ? "<none>" : hash.substring(0, Math.min(12, hash.length()));
    }
}
