package dev.berth.cli.observe;

import dev.berth.exec.ClusterPicture;
import dev.berth.exec.NodeObservation;
import dev.berth.model.Container;
import dev.berth.model.Deployment;
import dev.berth.model.ObjectMeta;
import dev.berth.model.ObservedPod;
import dev.berth.plan.DesiredState;
import dev.berth.plan.Revision;
import dev.berth.state.StoredRevision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One desired Deployment next to its replicas as observed: kubectl's counts, the revision it runs now and why
 * replicas are pending.
 *
 * @param updated   running replicas of the current template
 * @param ready     of those, the ones whose containers are all ready
 * @param available ready replicas of any template (the ones serving now)
 * @param total     running replicas of any template
 * @param revision  the current revision number; 0 when none is stored yet
 * @param createdAt when its first kept revision was stored; {@code null} when unknown
 * @param specHash  the hash of the current pod template; empty when no plan assigned one
 */
record DeploymentStatus(Deployment deployment, String namespace, String name, int desired, int updated, int ready,
                        int available, int total, long revision, String changeCause, Instant createdAt,
                        List<String> pending, String specHash) {

    DeploymentStatus {
        pending = List.copyOf(pending);
    }

    String key() {
        return DesiredState.key(namespace, name);
    }

    List<String> images() {
        return deployment.spec().template().spec().containers().stream().map(Container::image).toList();
    }

    /** Every desired Deployment of the picture, in namespace and name order. */
    static List<DeploymentStatus> of(ClusterPicture picture) {
        List<ObservedPod> pods = new ArrayList<>();
        for (NodeObservation observation : picture.observed()) {
            if (observation.ready()) {
                pods.addAll(ObservedPod.group(observation.node().name(), observation.snapshot().containers()));
            }
        }
        List<DeploymentStatus> statuses = new ArrayList<>();
        for (Deployment deployment : picture.desired().deployments()) {
            String namespace = deployment.metadata().namespace() == null ? ObjectMeta.DEFAULT_NAMESPACE
                    : deployment.metadata().namespace();
            String name = deployment.metadata().name();
            String key = DesiredState.key(namespace, name);
            Revision revision = picture.plan().revisions().get(key);
            String hash = revision == null ? null : revision.specHash();
            List<ObservedPod> mine = pods.stream()
                    .filter(pod -> pod.namespace().equals(namespace) && name.equals(pod.deployment()))
                    .filter(ObservedPod::running).toList();
            List<ObservedPod> current = mine.stream().filter(pod -> hash != null
                    && hash.equals(pod.specHash())).toList();
            List<StoredRevision> history = picture.record().map(r -> r.revisions(key)).orElse(List.of());
            StoredRevision stored = history.stream()
                    .filter(r -> hash != null && hash.equals(r.specHash())).findFirst().orElse(null);
            statuses.add(new DeploymentStatus(deployment, namespace, name, deployment.spec().replicas(),
                    current.size(), (int) current.stream().filter(DeploymentStatus::ready).count(),
                    (int) mine.stream().filter(DeploymentStatus::ready).count(), mine.size(),
                    revision == null ? 0 : revision.number(), stored == null ? null : stored.changeCause(),
                    history.isEmpty() ? null : history.get(0).createdAt(), picture.pending(key),
                    hash == null ? "" : hash));
        }
        statuses.sort(java.util.Comparator.comparing(DeploymentStatus::namespace)
                .thenComparing(DeploymentStatus::name));
        return List.copyOf(statuses);
    }

    private static boolean ready(ObservedPod pod) {
        return pod.readyContainers() == pod.containers().size();
    }
}
