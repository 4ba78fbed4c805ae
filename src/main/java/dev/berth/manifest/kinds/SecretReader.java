package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Names;
import dev.berth.manifest.schema.Rule;
import dev.berth.manifest.schema.Shape;
import dev.berth.manifest.Position;
import dev.berth.manifest.yaml.MappingNode;
import dev.berth.manifest.yaml.Node;
import dev.berth.model.ObjectMeta;
import dev.berth.model.Resource;
import dev.berth.model.Secret;
import dev.berth.proxy.TlsKeyPair;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Secret (v1) of type Opaque or kubernetes.io/tls. A TLS Secret's certificate must parse and its key
 * belong to it ({@link TlsKeyPair}), so that a mismatch fails before any server is touched. Messages never
 * quote a value: a value that is not base64 is reported by key only. A value reading {@code <redacted>} comes from berth's own output.
 */
final class SecretReader implements KindReader {
    static final Shape ROOT = Shape.of("apiVersion", "kind", "metadata", "type", "data", "stringData")
            .unsupported("immutable");
    private static final Rule BASE64 = value -> {
        if (value.equals(Secret.REDACTED)) {
            return "is " + Secret.REDACTED + ", a placeholder from berth's output; put the real base64 value back";
        }
        try {
            Base64.getMimeDecoder().decode(value);
            return strictBase64(value) ? null : "must be base64-encoded (value not shown)";
        } catch (IllegalArgumentException e) {
            return "must be base64-encoded (value not shown)";
        }
    };
    private static final Rule TYPE = value -> switch (value) {
        case Secret.OPAQUE, Secret.TLS -> null;
        default -> "type \"" + value + "\" is not supported by berth; use Opaque or kubernetes.io/tls";
    };

    @Override
    public String apiVersion() {
        return Secret.API_VERSION;
    }

    @Override
    public Shape shape() {
        return ROOT;
    }

    @Override
    public Resource read(Fields root) {
        int before = root.problems().errorCount();
        ObjectMeta metadata = MetadataReader.namespaced(root, Names.DNS_SUBDOMAIN);
        String type = root.string("type", TYPE);
        Map<String, String> data = root.stringMap("data", Names.CONFIG_KEY_RULE, BASE64);
        Map<String, String> stringData = root.stringMap("stringData", Names.CONFIG_KEY_RULE, Names.ANY);
        Map<String, byte[]> values = new LinkedHashMap<>();
        data.forEach((key, value) -> values.put(key, Base64.getMimeDecoder().decode(value)));
        stringData.forEach((key, value) -> values.put(key, value.getBytes(StandardCharsets.UTF_8)));
        String resolvedType = type == null ? Secret.OPAQUE : type;
        if (resolvedType.equals(Secret.TLS)) {
            for (String key : List.of("tls.crt", "tls.key")) {
                if (!values.containsKey(key) && !data.containsKey(key)) {
                    String where = root.has("data") || !root.has("stringData") ? "data" : "stringData";
                    root.problems().error(root.position(where), root.path(where),
                            "a kubernetes.io/tls Secret needs the key \"" + key + "\"");
                }
            }
            if (values.containsKey("tls.crt") && values.containsKey("tls.key")) {
                TlsKeyPair.check(values.get("tls.crt"), values.get("tls.key")).ifPresent(problem -> {
                    String where = stringData.containsKey(problem.key()) ? "stringData" : "data";
                    Position at = root.node(where).filter(MappingNode.class::isInstance)
                            .flatMap(node -> ((MappingNode) node).value(problem.key())).map(Node::position)
                            .orElse(root.position(where));
                    root.problems().error(at, root.path(where) + "." + problem.key(), problem.message());
                });
            }
        }
        return root.problems().errorCount() > before ? null
                : new Secret(Secret.API_VERSION, Secret.KIND, metadata, resolvedType, values);
    }

    /** Only the standard alphabet with correct padding, line breaks allowed as in PEM-style wrapping. */
    private static boolean strictBase64(String value) {
        String compact = value.replace("\n", "").replace("\r", "");
        return compact.length() % 4 == 0 && compact.matches("[A-Za-z0-9+/]*={0,2}");
    }
}
