package dev.berth.cli;

import dev.berth.config.ClusterFileResolver;
import dev.berth.model.Cluster;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The cluster inventory of one run, found and read at most once however many of the run's steps ask for it:
 * which file (and the context in effect), and the cluster it describes.
 */
final class RunInventory {
    private final Supplier<ClusterFileResolver.Resolution> resolve;
    private final Function<Path, Cluster> read;
    private ClusterFileResolver.Resolution resolution;
    private Cluster cluster;

    /**
     * @param resolve finds the inventory file; called at most once
     * @param read    reads the inventory file; called at most once
     */
    RunInventory(Supplier<ClusterFileResolver.Resolution> resolve, Function<Path, Cluster> read) {
        this.resolve = resolve;
        this.read = read;
    }

    ClusterFileResolver.Resolution resolution() {
        if (resolution == null) {
            resolution = resolve.get();
        }
        return resolution;
    }

    Cluster cluster() {
        if (cluster == null) {
            cluster = read.apply(resolution().file());
        }
        return cluster;
    }

    /** The run itself rewrote the file (the provisioner added a node): this is what it now holds. */
    void rewritten(Cluster cluster) {
        this.cluster = cluster;
    }
}
