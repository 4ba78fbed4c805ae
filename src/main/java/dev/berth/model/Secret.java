package dev.berth.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Secret (v1). {@code stringData} is merged into {@code data} as Kubernetes does. The values never
 * leave berth through output: serialized, every value reads {@value #REDACTED}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "type", "data"})
public record Secret(String apiVersion, String kind, ObjectMeta metadata, String type,
                     @JsonIgnore Map<String, byte[]> values) implements Resource {
    public static final String API_VERSION = "v1";
    public static final String KIND = "Secret";
    public static final String OPAQUE = "Opaque";
    public static final String TLS = "kubernetes.io/tls";
    /** What output shows in place of every value. */
    public static final String REDACTED = "<redacted>";

    public Secret {
        values = Maps.copy(values);
    }

    /** The keys, each with the redaction mark in place of its value. */
    @JsonProperty("data")
    public Map<String, String> redactedData() {
        Map<String, String> shown = new LinkedHashMap<>();
        values.keySet().forEach(key -> shown.put(key, REDACTED));
        return shown;
    }

    /** The value of one key as base64, for code that writes it to a server; never for output. */
    public String encoded(String key) {
        return Base64.getEncoder().encodeToString(values.get(key));
    }

    @Override
    public String summary() {
        return type + ", " + values.size() + (values.size() == 1 ? " key" : " keys");
    }

    @Override
    public String toString() {
        return "Secret[" + metadata.namespace() + "/" + metadata.name() + ", keys " + values.keySet() + "]";
    }

    @Override
    public Secret inNamespace(String namespace) {
        return new Secret(apiVersion, kind, metadata.inNamespace(namespace), type, values);
    }
}
