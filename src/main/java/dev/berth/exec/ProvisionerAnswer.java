package dev.berth.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.berth.error.ClusterException;
import dev.berth.ssh.KnownHosts;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What a provisioner prints on stdout: one node entry, YAML or JSON, with the fields of an inventory node plus an
 * optional {@code hostKey: "TYPE BASE64"}. The entry is kept as the one-line flow mapping the inventory gains; it
 * is checked as part of the new inventory, not here. See docs/adr/0007-provisioner.md.
 *
 * @param name        the entry's {@code name}, empty when it has none
 * @param entry       the entry without {@code hostKey}, as a one-line YAML flow mapping
 * @param hostKeyText the text of {@code hostKey}; null when the entry has none
 */
public record ProvisionerAnswer(String name, String entry, String hostKeyText) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Reads the provisioner's stdout; anything but one mapping is an error naming {@code source}. */
    public static ProvisionerAnswer parse(String stdout, String source) {
        ObjectNode entry = mapping(stdout, source);
        JsonNode hostKey = entry.remove("hostKey");
        return new ProvisionerAnswer(entry.path("name").asText(""), flow(entry),
                hostKey == null || hostKey.isNull() ? null : hostKey.asText(""));
    }

    /**
     * The host key to record, empty when the entry has none. Asked for once the node is in the inventory, so one
     * that is not {@code TYPE BASE64} is an error saying the node was added but its key was not recorded.
     */
    public Optional<KnownHosts.HostKey> hostKey(String source) {
        if (hostKeyText == null) {
            return Optional.empty();
        }
        String[] parts = hostKeyText.strip().split("\\s+");
        if (parts.length < 2 || !base64(parts[1])) {
            throw new ClusterException(source + " printed a hostKey that is not \"TYPE BASE64\" (e.g. \"ssh-ed25519 "
                    + "AAAA...\"): " + excerpt(hostKeyText) + "; node " + name + " is in the inventory, its key is not "
                    + "recorded");
        }
        return Optional.of(new KnownHosts.HostKey(parts[0], parts[1]));
    }

    private static ObjectNode mapping(String stdout, String source) {
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

    /** A node as a one-line YAML flow mapping, every string JSON-quoted so no value changes meaning. */
    static String flow(JsonNode node) {
        if (node.isObject()) {
            List<String> fields = new ArrayList<>();
            node.fields().forEachRemaining(e -> fields.add(new TextNode(e.getKey()) + ": " + flow(e.getValue())));
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
