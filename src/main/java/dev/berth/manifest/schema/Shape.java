package dev.berth.manifest.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields berth accepts at one level of a manifest, and the fields Kubernetes has there that berth
 * does not support. Anything else is a typo, reported with the closest supported name.
 */
public record Shape(List<String> supported, Set<String> unsupported, Set<String> ignored) {

    public Shape {
        supported = List.copyOf(new TreeSet<>(supported));
        unsupported = Set.copyOf(unsupported);
        ignored = Set.copyOf(ignored);
    }

    public static Shape of(String... supported) {
        return new Shape(Arrays.asList(supported), Set.of(), Set.of());
    }

    /** Fields that exist in Kubernetes at this level but that berth refuses by name. */
    public Shape unsupported(String... names) {
        return new Shape(supported, Set.copyOf(Arrays.asList(names)), ignored);
    }

    /**
     * Fields a Kubernetes server sets, which {@code kubectl apply} takes and ignores ({@code status}, a
     * {@code uid}): accepted whatever their value, never read, so that {@code get -o yaml} can be applied again.
     */
    public Shape ignoring(String... names) {
        return new Shape(supported, unsupported, Set.copyOf(Arrays.asList(names)));
    }

    /** This shape with more supported fields. */
    public Shape plus(String... names) {
        List<String> all = new java.util.ArrayList<>(supported);
        all.addAll(Arrays.asList(names));
        return new Shape(all, unsupported, ignored);
    }

    /** Why a key does not belong here, or null when it does. */
    String refuse(String key) {
        if (supported.contains(key) || ignored.contains(key)) {
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
