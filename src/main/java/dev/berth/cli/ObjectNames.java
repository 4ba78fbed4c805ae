package dev.berth.cli;

import dev.berth.model.Resource;

import java.util.Locale;
import java.util.Map;

/** kubectl's way of naming an object in output: {@code deployment.apps/web}, {@code service/web}. */
public final class ObjectNames {
    private static final Map<String, String> GROUPS = Map.of("Deployment", ".apps", "Ingress", ".networking.k8s.io",
            "Cluster", ".berth.dev");

    private ObjectNames() {
    }

    public static String of(Resource resource) {
        return of(resource.kind(), resource.metadata().name());
    }

    public static String of(String kind, String name) {
        return kind.toLowerCase(Locale.ROOT) + GROUPS.getOrDefault(kind, "") + "/" + name;
    }
}
