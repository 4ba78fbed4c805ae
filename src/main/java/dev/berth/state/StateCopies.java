package dev.berth.state;

import dev.berth.ssh.NodeResult;

import java.util.List;

/** Turns the state nodes' answers to the read and write scripts into what {@link Quorum} counts. */
final class StateCopies {
    private StateCopies() {
    }

    /** An empty answer is a node without a copy; anything else must be a readable record. */
    static ReplicaAnswer answer(byte[] stdout) {
        if (stdout.length == 0) {
            return new ReplicaAnswer.Missing("");
        }
        try {
            return new ReplicaAnswer.Found("", StateJson.read(stdout));
        } catch (StateJson.UnreadableRecordException e) {
            throw new IllegalArgumentException("its record.json is unreadable: " + e.getMessage());
        }
    }

    static List<ReplicaAnswer> answers(List<NodeResult<ReplicaAnswer>> results) {
        return results.stream().map(result -> {
            if (result instanceof NodeResult.Failed<ReplicaAnswer> failed) {
                return (ReplicaAnswer) new ReplicaAnswer.Failed(failed.node(), failed.message());
            }
            ReplicaAnswer answer = ((NodeResult.Ok<ReplicaAnswer>) result).value();
            return answer instanceof ReplicaAnswer.Found found
                    ? new ReplicaAnswer.Found(result.node(), found.record())
                    : new ReplicaAnswer.Missing(result.node());
        }).toList();
    }

    /** {@code written} or {@code refused N}, as the write script prints them. */
    static List<WriteAnswer> writeAnswers(List<NodeResult<String>> results) {
        return results.stream().map(result -> {
            if (result instanceof NodeResult.Failed<String> failed) {
                return (WriteAnswer) new WriteAnswer.Failed(failed.node(), failed.message());
            }
            String said = ((NodeResult.Ok<String>) result).value().strip();
            if (said.equals("written")) {
                return new WriteAnswer.Written(result.node());
            }
            if (said.matches("refused [0-9]{1,18}")) {
                return new WriteAnswer.Refused(result.node(), Long.parseLong(said.substring("refused ".length())));
            }
            return new WriteAnswer.Failed(result.node(), result.node() + ": unexpected answer to a state write: " + said);
        }).toList();
    }
}
