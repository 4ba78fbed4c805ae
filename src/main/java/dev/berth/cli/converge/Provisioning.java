package dev.berth.cli.converge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.berth.error.ClusterException;
import dev.berth.exec.ProvisionerProcess;
import dev.berth.manifest.InventoryFile;
import dev.berth.model.Cluster;
import dev.berth.plan.PendingReplica;
import dev.berth.ssh.KnownHosts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Adds a server when replicas are Pending for lack of room and the inventory names a provisioner: runs it,
 * reads the node entry it prints (YAML or JSON, the fields of an inventory node plus an optional
 * {@code hostKey}), records the host key in the inventory's known_hosts and the node in the inventory file.
 * Once per run; see docs/adr/0007-provisioner.md.
 */
final class Provisioning {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ProvisionerProcess process;
    private final Function<String, Path> userPaths;
    private final PrintWriter err;

    Provisioning(ProvisionerProcess process, Function<String, Path> userPaths, PrintWriter err) {
        this.process = process;
        this.userPaths = userPaths;
        this.err = err;
    }

    /** Whether the inventory has a provisioner and some replica is pending because no node has room. */
    static boolean wanted(Cluster cluster, List<PendingReplica> pending) {
        return cluster.spec().provisioner() != null && pending.stream().anyMatch(PendingReplica::lacksRoom);
    }

    /** Runs the provisioner and records the node it made; returns the node's name. */
    String addNode(Cluster cluster, Path inventory, List<PendingReplica> pending) {
        List<String> command = cluster.spec().provisioner().command();
        String source = "the provisioner " + String.join(" ", command);
        String reasons = String.join("; ", pending.stream().map(p -> p.deployment() + ": " + p.reason())
                .distinct().toList());
        err.println("no node has room (" + reasons + "); running " + source);
        err.flush();
        ProvisionerProcess.Output output = process.run(command, inventory, reasons);
        output.stderr().lines().forEach(line -> err.println("provisioner: " + line));
        ObjectNode entry = entry(output.stdout(), source);
        JsonNode hostKey = entry.remove("hostKey");
        String name = entry.path("name").asText("");
        try {
            String text = Files.readString(inventory, StandardCharsets.UTF_8);
            String changed = InventoryFile.withNode(text, flow(entry)).orElseThrow(() -> new ClusterException(
                    source + " made node " + name + ", but spec.nodes in " + inventory + " is not a block list berth "
                            + "can extend; add this entry to it by hand, then run berth reconcile: " + flow(entry)));
            Cluster next = InventoryFile.replace(inventory, changed, name, source);
            Cluster.Node node = next.spec().nodes().get(next.spec().nodes().size() - 1);
            recordHostKey(next, node, hostKey, source);
        } catch (IOException e) {
            throw new ClusterException("cannot read the inventory " + inventory + ": " + e.getMessage());
        }
        return name;
    }

    private static ObjectNode entry(String stdout, String source) {
        try {
            JsonNode tree = YAML.readTree(stdout);
            if (tree instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below with the output
        }
        throw new ClusterException(source + " printed no node entry (a YAML or JSON mapping such as {name: node-4, "
                + "address: 10.0.0.14, hostKey: \"ssh-ed25519 AAAA...\"}); it printed: " + excerpt(stdout));
    }

    private void recordHostKey(Cluster cluster, Cluster.Node node, JsonNode hostKey, String source) {
        Path knownHosts = userPaths.apply(cluster.spec().ssh().knownHosts());
        int port = node.port() != null ? node.port() : cluster.spec().ssh().port() != null
                ? cluster.spec().ssh().port() : 22;
        if (hostKey == null || hostKey.isNull()) {
            if (Cluster.Ssh.STRICT.equals(cluster.spec().ssh().hostKeyPolicy())) {
                err.println("warning: " + source + " printed no hostKey for " + node.name() + " and hostKeyPolicy is "
                        + "strict: berth reaches it only if its key is already in " + knownHosts);
            }
            return;
        }
        String[] parts = hostKey.asText("").strip().split("\\s+");
        if (parts.length < 2 || !base64(parts[1])) {
            throw new ClusterException(source + " printed a hostKey that is not \"TYPE BASE64\" (e.g. \"ssh-ed25519 "
                    + "AAAA...\"): " + excerpt(hostKey.asText("")) + "; node " + node.name()
                    + " is in the inventory, its key is not recorded");
        }
        try {
            KnownHosts.append(knownHosts, KnownHosts.hostToken(node.address(), port),
                    new KnownHosts.HostKey(parts[0], parts[1]));
        } catch (UncheckedIOException e) {
            throw new ClusterException("node " + node.name() + " is in the inventory, but its host key could not be "
                    + "recorded in " + knownHosts + ": " + e.getCause().getMessage());
        }
    }

    /** The entry as a one-line YAML flow mapping, every string JSON-quoted so no value changes meaning. */
    static String flow(JsonNode node) {
        if (node.isObject()) {
            List<String> fields = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
            entries.forEachRemaining(e -> fields.add(new com.fasterxml.jackson.databind.node.TextNode(e.getKey())
                    + ": " + flow(e.getValue())));
            return "{" + String.join(", ", fields) + "}";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(flow(item)));
            return "[" + String.join(", ", items) + "]";
        }
        return node.isTextual() ? node.toString() : node.asText();
    }

    private static boolean base64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String excerpt(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.isEmpty() ? "nothing" : flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
