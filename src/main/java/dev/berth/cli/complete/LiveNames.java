package dev.berth.cli.complete;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Live names as berth itself lists them: each answer is a {@code berth get ... -o name} (or {@code -o json}) run in this
 * process against the cluster the completed command line names, kept for a few seconds in a {@link NameCache} so
 * that pressing TAB twice asks the cluster once.
 */
final class LiveNames implements NameSource {
    private final List<String> where;
    private final Function<List<String>, String> berth;
    private final Supplier<List<String>> contexts;
    private final NameCache cache;

    /**
     * @param where    the {@code --context=...}/{@code --cluster=...} words of the completed line
     * @param berth    runs a berth command line in this process, returns its stdout (empty when it failed)
     * @param contexts the contexts of the user's config
     */
    LiveNames(List<String> where, Function<List<String>, String> berth, Supplier<List<String>> contexts,
              NameCache cache) {
        this.where = List.copyOf(where);
        this.berth = berth;
        this.contexts = contexts;
        this.cache = cache;
    }

    @Override
    public List<String> contexts() {
        return contexts.get();
    }

    @Override
    public List<String> namespaces() {
        TreeSet<String> namespaces = new TreeSet<>(List.of("default"));
        namespaces.addAll(named(run("get", "namespaces", "-o", "name")));
        return List.copyOf(namespaces);
    }

    @Override
    public List<String> nodes() {
        return named(run("get", "nodes", "-o", "name"));
    }

    @Override
    public List<String> of(String type, String namespace) {
        if (type.isEmpty() || type.startsWith("-")) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of("get", type, "-o", "name"));
        if (namespace != null) {
            args.addAll(List.of("-n", namespace));
        }
        return named(run(args.toArray(String[]::new)));
    }

    private String run(String... args) {
        List<String> line = new ArrayList<>(where);
        line.addAll(List.of(args));
        return cache.get(line, () -> berth.apply(line));
    }

    /** {@code deployment.apps/web} lines as {@code web}. */
    private static List<String> named(String output) {
        return output.lines().filter(line -> !line.isBlank())
                .map(line -> line.substring(line.indexOf('/') + 1)).distinct().toList();
    }
}
