package dev.berth.cli.observe;

import dev.berth.docker.VolumeSize;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.ClusterPicture;
import dev.berth.exec.NodeObservation;
import dev.berth.model.ObservedContainer;
import dev.berth.model.PersistentVolumeClaim;
import dev.berth.ssh.CommandResult;
import dev.berth.ssh.NodeResult;
import dev.berth.state.ClusterEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code describe pvc}: where a claim's data is, how much of it there is, who mounts it and what deleting does. */
final class ClaimPage {

    private ClaimPage() {
    }

    static String render(ClaimStatus status, Map<String, String> sizes, List<ClusterEvent> events, Instant now) {
        PersistentVolumeClaim claim = status.claim();
        Description description = new Description()
                .field("Name", claim.metadata().name())
                .field("Namespace", claim.metadata().namespace())
                .field("StorageClass", claim.spec().storageClassName() == null ? "<unset>"
                        : claim.spec().storageClassName())
                .field("Status", status.phase());
        if (!status.reason().isEmpty()) {
            description.field("Reason", status.reason());
        }
        description.field("Volume", status.volume() + (status.nodes().isEmpty() ? " (not created yet)" : ""))
                .field("Node", String.join(", ", status.nodes()));
        if (status.movingTo() != null) {
            description.field("Moving To", status.movingTo() + " (the replicas that mount it wait for the copy)");
        }
        if (!status.kept().isEmpty()) {
            description.field("Old Copies", String.join(", ", status.kept()) + " (left by a move; not the claim's "
                    + "data: docker volume rm " + status.volume() + " on the node removes one)");
        }
        status.nodes().forEach(node -> description.field("Size on disk" + (status.nodes().size() > 1
                ? " (" + node + ")" : ""), sizes.getOrDefault(node, "unknown")));
        description.field("Labels", claim.metadata().labels().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(", ")))
                .field("Annotations", claim.metadata().annotations().entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue()).sorted().collect(Collectors.joining(", ")))
                .field("Capacity", status.capacity() + " requested (a Docker volume takes what its node's disk has)")
                .field("Access Modes", String.join(",", claim.spec().accessModes()))
                .field("VolumeMode", claim.spec().volumeMode())
                .field("Reclaim Policy", claim.reclaimPolicy() + (PersistentVolumeClaim.RETAIN.equals(
                        claim.reclaimPolicy()) ? " (delete keeps the volume on its node)"
                        : " (delete removes the volume and its data)"))
                .field("Mounted By", String.join(", ", status.deployments()));
        List<String> pods = status.pods().stream().map(pod -> pod.name() + "  " + pod.node() + "  " + pod.status())
                .toList();
        return description.block("Used By", pods).events(EventTable.lines(events, now)).render();
    }

    /**
     * The size on disk of each claim's volume on each node that holds it, by claim volume and node; a node where no
     * image could run {@code du} says so.
     */
    static Map<String, Map<String, String>> sizes(ClusterAccess access, ClusterPicture picture,
                                                  List<ClaimStatus> claims) {
        Map<String, Map<String, String>> sizes = new TreeMap<>();
        for (ClaimStatus claim : claims) {
            Map<String, String> byNode = new TreeMap<>();
            List<NodeObservation> nodes = picture.observed().stream().filter(NodeObservation::ready)
                    .filter(o -> claim.nodes().contains(o.node().name())).toList();
            Map<String, List<String>> images = new TreeMap<>();
            nodes.forEach(o -> images.put(o.node().name(), images(claim, o)));
            List<NodeResult<CommandResult>> results = access.onNodes(nodes.stream().map(o -> access.node(
                    o.node().name())).toList(), node -> access.transport().run(node, VolumeSize.command(
                    claim.volume(), images.get(node.name()))));
            for (NodeResult<CommandResult> result : results) {
                if (result instanceof NodeResult.Ok<CommandResult> ok) {
                    OptionalLong bytes = ok.value().succeeded() ? VolumeSize.parse(ok.value().stdoutText())
                            : OptionalLong.empty();
                    byNode.put(ok.node(), bytes.isPresent() ? Humanize.memory(bytes.getAsLong()) + " (du)"
                            : images.get(ok.node()).isEmpty() ? "unknown: no image on the node to run du with"
                            : "unknown: none of " + String.join(", ", images.get(ok.node())) + " runs du");
                } else if (result instanceof NodeResult.Failed<CommandResult> failed) {
                    byNode.put(failed.node(), "unknown: " + failed.message());
                }
            }
            sizes.put(claim.volume(), byNode);
        }
        return sizes;
    }

    /** The images to run {@code du} from: the claim's replicas' on that node, then any other of berth's there. */
    private static List<String> images(ClaimStatus claim, NodeObservation node) {
        Set<String> images = new LinkedHashSet<>();
        claim.pods().stream().filter(pod -> pod.node().equals(node.node().name()))
                .flatMap(pod -> pod.containers().stream()).map(ObservedContainer::image).forEach(images::add);
        node.snapshot().containers().stream().filter(ObservedContainer::managedByBerth)
                .map(ObservedContainer::image).forEach(images::add);
        return new ArrayList<>(images);
    }
}
