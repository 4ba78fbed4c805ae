package dev.berth.manifest.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields berth accepts at one level of a manifest, and the fields Kubernetes has there that berth
 * does not support. Anything else is a typo, reported with the closest supported name.
 */
public record Shape(List<String> supported, Set<String> unsupported) {

    public Shape {
        supported = List.copyOf(new TreeSet<>(supported));
        unsupported = Set.copyOf(unsupported);
    }

    public static Shape of(String... supported) {
        return new Shape(Arrays.asList(supported), Set.of());
    }

    /** Fields that exist in Kubernetes at this level but that berth refuses by name. */
    public Shape unsupported(String... names) {
        return new Shape(supported, Set.copyOf(Arrays.asList(names)));
    }

    /** This shape with more supported fields. */
    public Shape plus(String... names) {
        List<String> all = new java.util.ArrayList<>(supported);
        all.addAll(Arrays.asList(names));
        return new Shape(all, unsupported);
    }

    /** Why a key does not belong here, or null when it does. */
    String refuse(String key) {
        if (supported.contains(key)) {
            return null;
        }
        String listed = "supported fields here: " + String.join(", ", supported);
        if (unsupported.contains(key)) {
            return "field is not supported by berth; " + listed;
        }
        String closest = Spelling.closest(key, supported);
        return "unknown field \"" + key + "\""
                + (closest == null ? "" : " (did you mean \"" + closest + "\"?)") + "; " + listed;
    }
}
