package dev.berth.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisionHistoryTest {
    static final Instant NOW = Instant.parse("2025-05-01T12:00:00Z");

    static JsonNode template(String image) {
        return JsonNodeFactory.instance.objectNode().put("image", image);
    }

    static List<StoredRevision> rollOut(List<StoredRevision> history, String hash, int limit) {
        return RevisionHistory.record(history, hash, template("app:" + hash), null, NOW, limit);
    }

    static List<String> hashes(List<StoredRevision> history) {
        return history.stream().map(revision -> revision.number() + ":" + revision.specHash()).toList();
    }

    @Test
    void startsAtRevisionOne() {
        List<StoredRevision> history = RevisionHistory.record(List.of(), "aaa", template("app:v1"), "first", NOW, 10);

        assertThat(history).containsExactly(new StoredRevision(1, "aaa", template("app:v1"), NOW, "first"));
    }

    @Test
    void addsANumberForEachNewTemplate() {
        List<StoredRevision> history = rollOut(rollOut(rollOut(List.of(), "aaa", 10), "bbb", 10), "ccc", 10);

        assertThat(hashes(history)).containsExactly("1:aaa", "2:bbb", "3:ccc");
    }

    @Test
    void leavesTheHistoryAloneWhenTheTemplateIsUnchanged() {
        List<StoredRevision> history = rollOut(rollOut(List.of(), "aaa", 10), "bbb", 10);

        assertThat(rollOut(history, "bbb", 10)).isEqualTo(history);
    }

    @Test
    void givesATemplateRolledOutAgainTheNextNumberAndDropsItsOldOne() {
        List<StoredRevision> history = rollOut(rollOut(rollOut(List.of(), "aaa", 10), "bbb", 10), "ccc", 10);

        assertThat(hashes(rollOut(history, "aaa", 10))).containsExactly("2:bbb", "3:ccc", "4:aaa");
    }

    @Test
    void aTemplateRolledOutAgainKeepsItsCauseUnlessANewOneIsGiven() {
        List<StoredRevision> history = RevisionHistory.record(List.of(), "aaa", template("app:v1"), "release 1", NOW, 10);
        history = RevisionHistory.record(history, "bbb", template("app:v2"), "release 2", NOW, 10);

        assertThat(RevisionHistory.record(history, "aaa", template("app:v1"), null, NOW, 10))
                .extracting(StoredRevision::changeCause).containsExactly("release 2", "release 1");
        assertThat(RevisionHistory.record(history, "aaa", template("app:v1"), "berth rollout undo", NOW, 10))
                .extracting(StoredRevision::changeCause).containsExactly("release 2", "berth rollout undo");
    }

    @Test
    void keepsTheLimitOfOldRevisionsBesidesTheNewest() {
        List<StoredRevision> history = List.of();
        for (String hash : List.of("a", "b", "c", "d", "e")) {
            history = rollOut(history, hash, 2);
        }

        assertThat(hashes(history)).containsExactly("3:c", "4:d", "5:e");
        assertThat(hashes(rollOut(history, "f", 0))).containsExactly("6:f");
    }

    @Test
    void trimsAnUnchangedHistoryWhenTheLimitShrank() {
        List<StoredRevision> history = rollOut(rollOut(rollOut(List.of(), "aaa", 10), "bbb", 10), "ccc", 10);

        assertThat(hashes(rollOut(history, "ccc", 1))).containsExactly("2:bbb", "3:ccc");
    }

    @Test
    void refusesANegativeLimit() {
        assertThatThrownBy(() -> rollOut(List.of(), "aaa", -1))
                .hasMessage("revisionHistoryLimit cannot be negative, got -1");
    }
}
