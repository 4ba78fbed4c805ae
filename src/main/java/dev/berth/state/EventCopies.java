package dev.berth.state;

import dev.berth.ssh.NodeResult;

import java.util.Comparator;
import java.util.List;

/**
 * The state nodes' copies of the events document, read by majority as the record is: fewer than a majority
 * answering is {@link StateUnavailableException}; otherwise the newest generation heard is the log. A node without
 * a copy answers an empty log.
 */
final class EventCopies {
    private EventCopies() {
    }

    /** An empty answer is a node without a copy; anything else must be a readable events document. */
    static EventLog answer(byte[] stdout) {
        if (stdout.length == 0) {
            return EventLog.empty();
        }
        try {
            return StateJson.readEvents(stdout);
        } catch (StateJson.UnreadableRecordException e) {
            throw new IllegalArgumentException("its events.json is unreadable: " + e.getMessage());
        }
    }

    static EventLog newest(List<NodeResult<EventLog>> results) {
        List<String> failed = results.stream().filter(NodeResult.Failed.class::isInstance)
                .map(result -> ((NodeResult.Failed<EventLog>) result).message()).toList();
        int needed = Quorum.majority(results.size());
        if (results.size() - failed.size() < needed) {
            throw StateUnavailableException.of("read the events of", failed, results.size(), needed);
        }
        return results.stream().filter(NodeResult.Ok.class::isInstance)
                .map(result -> ((NodeResult.Ok<EventLog>) result).value())
                .max(Comparator.comparingLong(EventLog::generation)).orElse(EventLog.empty());
    }
}
