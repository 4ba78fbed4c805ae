package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Shape;
import dev.berth.model.Container;
import dev.berth.model.Quantity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads {@code resources}: cpu and memory requests and limits; a request may not exceed its limit. */
final class ResourcesReader {
    static final Shape SHAPE = Shape.of("requests", "limits").unsupported("claims");
    static final Shape AMOUNTS = Shape.of("cpu", "memory").unsupported("ephemeral-storage", "hugepages-2Mi",
            "hugepages-1Gi", "nvidia.com/gpu");

    private ResourcesReader() {
    }

    static Container.Resources read(Fields container) {
        Optional<Fields> resources = container.object("resources", SHAPE);
        if (resources.isEmpty()) {
            return null;
        }
        Optional<Fields> requestFields = resources.get().object("requests", AMOUNTS);
        Map<String, Quantity> requests = requestFields.map(ResourcesReader::amounts).orElse(Map.of());
        Map<String, Quantity> limits = resources.get().object("limits", AMOUNTS)
                .map(ResourcesReader::amounts).orElse(Map.of());
        requestFields.ifPresent(fields -> requests.forEach((name, request) -> {
            Quantity limit = limits.get(name);
            if (limit != null && request.value().compareTo(limit.value()) > 0) {
                fields.error(name, "must be less than or equal to the " + name + " limit (" + limit + "), got " + request);
            }
        }));
        return new Container.Resources(requests, limits);
    }

    private static Map<String, Quantity> amounts(Fields amounts) {
        Map<String, Quantity> result = new LinkedHashMap<>();
        for (String name : AMOUNTS.supported()) {
            Quantity quantity = amounts.quantity(name);
            if (quantity != null) {
                result.put(name, quantity);
            }
        }
        return result;
    }
}
