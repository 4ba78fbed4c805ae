package dev.berth.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.manifest.InputFiles;
import dev.berth.manifest.ManifestInput;
import dev.berth.manifest.ManifestLoader;
import dev.berth.manifest.ManifestSet;
import dev.berth.model.Resource;
import dev.berth.model.Secret;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desired state as the record stores it: each object's normalized manifest as JSON text, Secret values
 * included (base64 under {@code data}) so that {@code reconcile} can re-create them, read back through the
 * same loader and checks as the user's files.
 */
public final class StoredManifests {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private StoredManifests() {
    }

    /** The text stored for {@code resource}; for a Secret, with its values. Never for output. */
    public static String encode(Resource resource) {
        ObjectNode tree = JSON.valueToTree(resource);
        if (resource instanceof Secret secret) {
            ObjectNode data = tree.putObject("data");
            secret.values().keySet().forEach(key -> data.put(key, secret.encoded(key)));
        }
        return tree.toString();
    }

    /** {@link #encode} of every object, by {@link Resource#identity()}: what {@link StateRecord#withApplied} takes. */
    public static Map<String, String> encode(List<Resource> resources) {
        Map<String, String> stored = new LinkedHashMap<>();
        resources.forEach(resource -> stored.put(resource.identity(), encode(resource)));
        return stored;
    }

    /**
     * The objects the record stores, loaded and checked like files; each is reported under the name
     * {@code cluster state: KIND/NAMESPACE/NAME}.
     */
    public static ManifestSet decode(StateRecord record) {
        List<ManifestInput> inputs = record.applied().entrySet().stream()
                .map(entry -> new ManifestInput("cluster state: " + entry.getKey(),
                        entry.getValue().getBytes(StandardCharsets.UTF_8)))
                .toList();
        return new ManifestLoader().load(new InputFiles.Read(inputs, List.of()));
    }
}
