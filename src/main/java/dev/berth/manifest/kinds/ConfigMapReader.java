package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Names;
import dev.berth.manifest.schema.Rule;
import dev.berth.manifest.schema.Shape;
import dev.berth.model.ConfigMap;
import dev.berth.model.ObjectMeta;
import dev.berth.model.Resource;

import java.util.Base64;
import java.util.Map;

/** Reads a ConfigMap (v1): text data and base64 binary data, no key in both. */
final class ConfigMapReader implements KindReader {
    static final Shape ROOT = Shape.of("apiVersion", "kind", "metadata", "data", "binaryData").unsupported("immutable");
    static final Rule BASE64 = value -> {
        try {
            Base64.getDecoder().decode(value.replace("\n", "").replace("\r", ""));
            return null;
        } catch (IllegalArgumentException e) {
            return "must be base64-encoded: " + e.getMessage();
        }
    };

    @Override
    public String apiVersion() {
        return ConfigMap.API_VERSION;
    }

    @Override
    public Shape shape() {
        return ROOT;
    }

    @Override
    public Resource read(Fields root) {
        int before = root.problems().errorCount();
        ObjectMeta metadata = MetadataReader.namespaced(root, Names.DNS_SUBDOMAIN);
        Map<String, String> data = root.stringMap("data", Names.CONFIG_KEY_RULE, Names.ANY);
        Map<String, String> binary = root.stringMap("binaryData", Names.CONFIG_KEY_RULE, BASE64);
        binary.keySet().stream().filter(data::containsKey).forEach(key ->
                root.error("binaryData", "key \"" + key + "\" is also in data"));
        return root.problems().errorCount() > before ? null
                : new ConfigMap(ConfigMap.API_VERSION, ConfigMap.KIND, metadata, data, binary);
    }
}
