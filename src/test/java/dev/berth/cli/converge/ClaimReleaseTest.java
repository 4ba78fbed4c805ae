package dev.berth.cli.converge;

import dev.berth.error.InvalidInputException;
import dev.berth.exec.NodeObservation;
import dev.berth.manifest.InputFiles;
import dev.berth.manifest.ManifestInput;
import dev.berth.manifest.ManifestLoader;
import dev.berth.manifest.ManifestSet;
import dev.berth.model.Cluster;
import dev.berth.model.EngineFacts;
import dev.berth.model.NodeSnapshot;
import dev.berth.state.StateRecord;
import dev.berth.state.StoredManifests;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which claims a change deletes, where their volumes are, and what the delete line says of them. */
class ClaimReleaseTest {

    private static StateRecord stored(String yaml) {
        ManifestSet set = new ManifestLoader().load(new InputFiles.Read(
                List.of(new ManifestInput("m.yaml", yaml.getBytes(StandardCharsets.UTF_8))), List.of()));
        assertThat(set.errors()).isEmpty();
        return StateRecord.empty().withApplied(StoredManifests.encode(set.resources()));
    }

    private static NodeObservation node(String name, boolean ready, List<String> volumes) {
        Cluster.Node node = new Cluster.Node(name, "10.0.0.1", null, null, Map.of(), List.of(), null);
        return ready ? new NodeObservation(node, NodeObservation.NodeStatus.READY, new NodeSnapshot(
                (EngineFacts) null, List.of(), "/home/deploy", volumes), "")
                : new NodeObservation(node, NodeObservation.NodeStatus.UNREACHABLE, null, "connection timed out");
    }

    @Test
    void aDeleteClaimsVolumeOnANodeNotReachedIsKeptAndSaidSo() {
        StateRecord before = stored(ClaimsOnFakeClusterTest.manifests("Delete"));
        StateRecord after = StoredObjects.without(before, List.copyOf(before.applied().keySet()));

        ClaimRelease release = ClaimRelease.of(before, after, List.of(node("node-1", true,
                List.of("berth_default_data")), node("node-3", false, List.of())));

        assertThat(release.deletingData()).extracting(ClaimRelease.Released::nodes).containsExactly(List.of("node-1"));
        assertThat(release.line("PersistentVolumeClaim/default/data", "persistentvolumeclaim/data deleted"))
                .isEqualTo("persistentvolumeclaim/data deleted (reclaim policy Delete; not reached: node-3, a volume "
                        + "there is kept)");
    }

    @Test
    void aRetainClaimSaysWhereItsVolumeStays() {
        StateRecord before = stored(ClaimsOnFakeClusterTest.manifests(null));
        StateRecord after = StoredObjects.without(before, List.copyOf(before.applied().keySet()));

        ClaimRelease release = ClaimRelease.of(before, after, List.of(node("node-1", false, List.of()),
                node("node-2", true, List.of("berth_default_data"))));

        assertThat(release.deletingData()).isEmpty();
        assertThat(release.line("PersistentVolumeClaim/default/data", "persistentvolumeclaim/data deleted"))
                .isEqualTo("persistentvolumeclaim/data deleted (volume berth_default_data kept on node-2: reclaim "
                        + "policy Retain)");
    }

    @Test
    void aClaimStillMountedIsRefused() {
        StateRecord before = stored(ClaimsOnFakeClusterTest.manifests(null));
        StateRecord after = StoredObjects.without(before, List.of("PersistentVolumeClaim/default/data"));

        assertThatThrownBy(() -> ClaimRelease.of(before, after, List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("persistentvolumeclaim/data is used by deployment.apps/db: delete it first, or in the "
                        + "same command (nothing was touched)");
    }

    @Test
    void aChangeThatDeletesNoClaimReleasesNothing() {
        StateRecord before = stored(ClaimsOnFakeClusterTest.manifests(null));

        assertThat(ClaimRelease.of(before, StoredObjects.without(before, List.of("Deployment/default/db")), List.of())
                .claims()).isEmpty();
    }
}
