package dev.berth.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How a Deployment's revision history grows and is trimmed, as Kubernetes does it with ReplicaSets. */
final class RevisionHistory {
    private RevisionHistory() {
    }

    /**
     * The history after rolling out the template {@code specHash}. The newest revision unchanged: the history
     * unchanged. A template seen before (a rollback) moves to the end under a new number, like Kubernetes, and
     * keeps its change cause unless {@code changeCause} gives one. Then the oldest revisions are dropped until
     * {@code limit} remain besides the newest.
     */
    static List<StoredRevision> record(List<StoredRevision> history, String specHash, JsonNode template, String changeCause,
                                 Instant now, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("revisionHistoryLimit cannot be negative, got " + limit);
        }
        if (!history.isEmpty() && history.get(history.size() - 1).specHash().equals(specHash)) {
            return trimmed(history, limit);
        }
        long next = history.stream().mapToLong(StoredRevision::number).max().orElse(0) + 1;
        String cause = changeCause != null ? changeCause : history.stream()
                .filter(revision -> revision.specHash().equals(specHash))
                .findFirst().map(StoredRevision::changeCause).orElse(null);
        List<StoredRevision> grown = new ArrayList<>(history.stream()
                .filter(revision -> !revision.specHash().equals(specHash))
                .toList());
        grown.add(new StoredRevision(next, specHash, template, now, cause));
        return trimmed(grown, limit);
    }

    private static List<StoredRevision> trimmed(List<StoredRevision> history, int limit) {
        int keep = Math.min(history.size(), limit + 1);
        return List.copyOf(history.subList(history.size() - keep, history.size()));
    }
}
