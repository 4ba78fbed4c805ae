package dev.berth.plan;

import dev.berth.model.BerthLabels;
import dev.berth.model.ObservedPod;

import java.util.List;
import java.util.Objects;

/**
 * Which revision a Deployment's template is at. The stored revision when its spec hash is the same; else
 * the revision on the containers already running that spec (a run that started them and died before
 * storing the record); else one more than the highest revision known from the record or the containers.
 */
final class RevisionNumbers {
    private RevisionNumbers() {
    }

    static Revision assign(Revision stored, String specHash, List<ObservedPod> pods) {
        if (stored != null && stored.specHash().equals(specHash)) {
            return stored;
        }
        int running = pods.stream().filter(pod -> pod.specHash().equals(specHash))
                .mapToInt(RevisionNumbers::revision).max().orElse(0);
        if (running > 0) {
            return new Revision(running, specHash);
        }
        int highest = Math.max(stored == null ? 0 : stored.number(),
                pods.stream().mapToInt(RevisionNumbers::revision).max().orElse(0));
        return new Revision(highest + 1, specHash);
    }

    private static int revision(ObservedPod pod) {
        return pod.containers().stream().map(c -> c.label(BerthLabels.REVISION)).filter(Objects::nonNull)
                .filter(label -> label.matches("[0-9]{1,9}")).mapToInt(Integer::parseInt).max().orElse(0);
    }
}
