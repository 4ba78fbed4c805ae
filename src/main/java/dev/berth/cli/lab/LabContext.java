package dev.berth.cli.lab;

import dev.berth.config.BerthConfig;
import dev.berth.config.ConfigStore;
import dev.berth.config.Context;
import dev.berth.lab.LabName;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The context a lab registers in the user's berth config: named like the lab, pointing at the lab's
 * inventory, made current by {@code lab up} (so the next verb talks to the lab) and removed by
 * {@code lab down} unless the user has since pointed it at another inventory.
 */
final class LabContext {
    private LabContext() {
    }

    /** Adds or updates the lab's context and makes it current; returns the previous inventory if it pointed elsewhere. */
    static Optional<String> register(ConfigStore store, LabName lab, Path inventory) {
        BerthConfig config = store.load();
        Optional<Context> existing = config.context(lab.context());
        Context context = existing.map(c -> c.withCluster(inventory.toString()))
                .orElseGet(() -> new Context(lab.context(), inventory.toString(), null));
        store.save(config.with(context).withCurrent(lab.context()));
        return existing.map(Context::cluster).filter(cluster -> !cluster.equals(inventory.toString()));
    }

    /** Removes the lab's context if it still points at the lab's inventory; true when it did. */
    static boolean unregister(ConfigStore store, LabName lab, Path inventory) {
        BerthConfig config = store.load();
        boolean ours = config.context(lab.context())
                .filter(context -> context.cluster().equals(inventory.toString())).isPresent();
        if (ours) {
            store.save(config.without(lab.context()));
        }
        return ours;
    }
}
