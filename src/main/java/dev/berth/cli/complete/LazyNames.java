package dev.berth.cli.complete;

import java.util.List;
import java.util.function.Supplier;

/** Live names made only when first asked for: completing a verb or a flag never reads the inventory or the cluster. */
final class LazyNames implements NameSource {
    private final Supplier<NameSource> make;
    private NameSource names;

    LazyNames(Supplier<NameSource> make) {
        this.make = make;
    }

    private NameSource names() {
        if (names == null) {
            names = make.get();
        }
        return names;
    }

    @Override
    public List<String> contexts() {
        return names().contexts();
    }

    @Override
    public List<String> namespaces() {
        return names().namespaces();
    }

    @Override
    public List<String> nodes() {
        return names().nodes();
    }

    @Override
    public List<String> of(String type, String namespace) {
        return names().of(type, namespace);
    }
}
