package dev.berth.cli.converge;

import dev.berth.error.InvalidInputException;
import dev.berth.model.Resource;
import dev.berth.state.StateRecord;
import dev.berth.state.StoredDeployments;
import dev.berth.state.StoredManifests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code berth apply -f PATH...}: store the objects as desired state on the cluster and converge to it. */
@Command(name = "apply",
        description = {"Make the cluster run what the manifests declare.",
                "The objects are checked before any server is touched, stored on the cluster's state nodes "
                        + "(under a lock), and the cluster is converged: missing replicas are placed and started, "
                        + "surplus and outdated ones removed. Running apply again with the same files changes "
                        + "nothing. A Deployment paused with rollout pause stays paused until rollout resume. "
                        + "Exit code 3 when the cluster did not reach the desired state."})
public final class ApplyCommand extends ConvergingCommand {

    @Mixin
    ManifestOptions manifests;

    @Mixin
    ConvergeOptions converge;

    @Option(names = "--prune", description = "Also delete every stored object that is not in the given files.")
    boolean prune;

    @Override
    public Integer call() {
        if (!manifests.given()) {
            throw new InvalidInputException("apply needs -f PATH (a file, a directory or - for standard input)");
        }
        List<Resource> objects = manifests.load(environment(), err());
        Map<String, String> encoded = StoredManifests.encode(objects);
        return converge("apply", record -> merge(record, encoded, prune),
                converge.options().within(StoredObjects.deployments(objects)), false);
    }

    /** The record with {@code objects} stored; a Deployment paused by {@code rollout pause} stays paused. */
    static StateRecord merge(StateRecord record, Map<String, String> objects, boolean prune) {
        Map<String, String> next = prune ? new TreeMap<>() : new TreeMap<>(record.applied());
        next.putAll(objects);
        return StoredDeployments.withPausesOf(record, record.withApplied(next));
    }
}
