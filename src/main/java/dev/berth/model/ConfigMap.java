package dev.berth.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** A ConfigMap (v1): text values and base64-encoded binary values by key. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConfigMap(String apiVersion, String kind, ObjectMeta metadata, Map<String, String> data,
                        Map<String, String> binaryData) implements Resource {
    public static final String API_VERSION = "v1";
    public static final String KIND = "ConfigMap";

    public ConfigMap {
        data = Maps.copy(data);
        binaryData = Maps.copy(binaryData);
    }

    @Override
    public String summary() {
        int keys = data.size() + binaryData.size();
        return keys + (keys == 1 ? " key" : " keys");
    }

    @Override
    public ConfigMap inNamespace(String namespace) {
        return new ConfigMap(apiVersion, kind, metadata.inNamespace(namespace), data, binaryData);
    }
}
