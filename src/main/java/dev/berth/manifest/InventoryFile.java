package dev.berth.manifest;

import dev.berth.error.ClusterException;
import dev.berth.error.InvalidInputException;
import dev.berth.manifest.yaml.MappingNode;
import dev.berth.manifest.yaml.Node;
import dev.berth.manifest.yaml.SequenceNode;
import dev.berth.manifest.yaml.YamlLoader;
import dev.berth.model.Cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adds a node to the cluster inventory file the user wrote, keeping everything else of it (comments, order,
 * quoting) as it was: the entry is inserted as one more line of the block list {@code spec.nodes}, right after
 * its last item and with that item's indentation. The result is read back as strictly as any inventory, and
 * only then replaces the file, atomically. See docs/adr/0007-provisioner.md.
 */
public final class InventoryFile {
    private static final int MAX_CODE_POINTS = 10 * 1024 * 1024;

    private InventoryFile() {
    }

    /**
     * The inventory text with {@code entry} (one node as a YAML flow mapping, e.g. JSON) appended to
     * {@code spec.nodes}; empty when {@code spec.nodes} is not a block list berth can extend line by line.
     */
    public static Optional<String> withNode(String text, String entry) {
        YamlLoader.Loaded loaded = new YamlLoader(MAX_CODE_POINTS).load("inventory",
                text.getBytes(StandardCharsets.UTF_8));
        if (!loaded.problems().isEmpty() || loaded.documents().size() != 1
                || !(loaded.documents().get(0) instanceof MappingNode root)) {
            return Optional.empty();
        }
        Optional<Node> nodes = root.value("spec").filter(MappingNode.class::isInstance)
                .flatMap(spec -> ((MappingNode) spec).value("nodes"));
        if (nodes.isEmpty() || !(nodes.get() instanceof SequenceNode list) || list.items().isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>(text.lines().toList());
        Node last = list.items().get(list.items().size() - 1);
        String itemLine = lines.get(last.position().line() - 1);
        int dash = itemLine.lastIndexOf('-', last.position().column() - 2);
        if (dash < 0 || !itemLine.substring(0, dash).isBlank()) {
            return Optional.empty();
        }
        int end = last.position().line();
        while (end < lines.size() && continues(lines.get(end), dash)) {
            end++;
        }
        while (end > last.position().line() && isBlankOrComment(lines.get(end - 1))) {
            end--;
        }
        lines.add(end, " ".repeat(dash) + "- " + entry);
        return Optional.of(String.join("\n", lines) + "\n");
    }

    /**
     * Adds the node {@code name}, given as {@code entry}, to the inventory at {@code file} (see {@link #withNode}
     * and {@link #replace}); returns the cluster the file now describes. {@code source} names what made the node.
     */
    public static Cluster addNode(Path file, String name, String entry, String source) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ClusterException("cannot read the inventory " + file + ": " + e.getMessage());
        }
        String changed = withNode(text, entry).orElseThrow(() -> new ClusterException(source + " made node " + name
                + ", but spec.nodes in " + file + " is not a block list berth can extend; add this entry to it by "
                + "hand, then run berth reconcile: " + entry));
        return replace(file, changed, name, source);
    }

    /**
     * Writes {@code text} as the new inventory at {@code file} once it reads as a valid inventory holding
     * {@code node} as its last node; returns the cluster it describes. A text that does not read is refused with
     * its problems, and the file is left as it was.
     */
    public static Cluster replace(Path file, String text, String node, String source) {
        Path directory = file.toAbsolutePath().getParent();
        Path candidate = directory.resolve(".berth-new-" + file.getFileName());
        try {
            Files.writeString(candidate, text, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(candidate, Files.getPosixFilePermissions(file));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the default permissions stay
            }
            Cluster cluster;
            try {
                cluster = new InventoryReader().read(candidate);
            } catch (InvalidInputException e) {
                throw new ClusterException(source + " printed a node entry berth cannot use: "
                        + String.join("; ", e.problems().stream()
                        .map(p -> p.replace(candidate.toString(), "node entry")).toList()));
            }
            List<Cluster.Node> nodes = cluster.spec().nodes();
            if (nodes.isEmpty() || !nodes.get(nodes.size() - 1).name().equals(node)) {
                throw new ClusterException("could not add node " + node + " to " + file + ": add it to spec.nodes "
                        + "by hand");
            }
            move(candidate, file);
            return cluster;
        } catch (IOException e) {
            throw new ClusterException("cannot write the inventory " + file + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(candidate);
            } catch (IOException ignored) {
                // the next run overwrites it
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Whether a line after an item still belongs to it: blank, a comment, or indented deeper than its dash. */
    private static boolean continues(String line, int dash) {
        if (isBlankOrComment(line)) {
            return true;
        }
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        return indent > dash;
    }

    private static boolean isBlankOrComment(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() || stripped.startsWith("#");
    }
}
