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
        long running = pods.stream().filter(pod -> pod.specHash().equals(specHash))
                .mapToLong(RevisionNumbers::revision).max().orElse(0);
        if (running > 0) {
            return new Revision(running, specHash);
        }
        long highest = Math.max(stored == null ? 0 : stored.number(),
                pods.stream().mapToLong(RevisionNumbers::revision).max().orElse(0));
        return new Revision(highest + 1, specHash);
    }

    private static long revision(ObservedPod pod) {
        return pod.containers().stream().map(c -> c.label(BerthLabels.REVISION)).filter(Objects::nonNull)
                .filter(label -> label.matches("[0-9]{1,18}")).mapToLong(Long::parseLong).max().orElse(0);
    }
}
