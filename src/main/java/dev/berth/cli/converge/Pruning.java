package dev.berth.cli.converge;

import dev.berth.error.InvalidInputException;
import dev.berth.model.LabelSelector;
import dev.berth.model.Resource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which stored objects {@code apply --prune} may delete, as kubectl decides: only those {@code -l} selects (or
 * every one, with {@code --all}), and only in the namespaces of the applied objects.
 *
 * @param selector   the labels a candidate must have; null with {@code --all}
 * @param namespaces the namespaces of the applied objects, empty until {@link #within}; null for every namespace
 */
record Pruning(boolean any, LabelSelector selector, Set<String> namespaces) {
    static final Pruning NONE = new Pruning(false, null, Set.of());
    /** {@code reconcile -f}: the files are the whole desired state, and nothing else is kept. */
    static final Pruning EVERYTHING = new Pruning(true, null, null);

    Pruning {
        namespaces = namespaces == null ? null : Set.copyOf(namespaces);
    }

    /** What {@code --prune}, {@code --all} and {@code -l} ask; a prune that selects nothing is refused. */
    static Pruning asked(boolean prune, boolean all, LabelSelector selector) {
        if (all && selector != null) {
            throw new InvalidInputException("cannot set --all and -l/--selector at the same time");
        }
        if (!prune) {
            if (all) {
                throw new InvalidInputException("--all is for --prune: apply --prune --all");
            }
            return NONE;
        }
        if (!all && selector == null) {
            throw new InvalidInputException("--prune deletes only what -l SELECTOR or --all selects, in the "
                    + "namespaces of the applied objects: add one of them; nothing was touched");
        }
        return new Pruning(true, selector, Set.of());
    }

    /** This pruning about the namespaces of {@code applied}. */
    Pruning within(List<Resource> applied) {
        return new Pruning(any, selector, applied.stream().map(object -> object.metadata().namespace())
                .filter(namespace -> namespace != null).collect(Collectors.toSet()));
    }

    /** Whether a stored object the files no longer hold is deleted. */
    boolean selects(Resource stored) {
        return any && (namespaces == null || namespaces.contains(stored.metadata().namespace()))
                && (selector == null || selector.matches(stored.metadata().labels()));
    }
}
