package dev.berth.state;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The record's claim bindings: where a moved claim's data is, and a move a killed run left. */
class ClaimBindingTest {

    @Test
    void aMoveKeepsTheSourceAsAnOldCopyUnlessTold() {
        ClaimBinding moved = ClaimBinding.on("node-1").movingTo("node-2").movedTo("node-2", true);

        assertThat(moved.node()).isEqualTo("node-2");
        assertThat(moved.moving()).isFalse();
        assertThat(moved.kept()).containsExactly("node-1");
        assertThat(moved.without("node-1").kept()).isEmpty();
        assertThat(moved.movedTo("node-1", false).kept()).as("moving back to an old copy's node").isEmpty();
    }

    @Test
    void settlingClearsEveryMoveLeftUnfinished() {
        StateRecord record = StateRecord.empty()
                .withApplied(Map.of("PersistentVolumeClaim/shop/data", "{}", "PersistentVolumeClaim/shop/logs", "{}"))
                .withClaim("shop/data", ClaimBinding.on("node-1").movingTo("node-3"))
                .withClaim("shop/logs", ClaimBinding.on("node-2"));

        StateRecord settled = record.settled();

        assertThat(settled.claims()).containsEntry("shop/data", ClaimBinding.on("node-1"))
                .containsEntry("shop/logs", ClaimBinding.on("node-2"));
        assertThat(settled.settled()).isSameAs(settled);
        assertThat(record.sameContent(settled)).isFalse();
    }

    @Test
    void aDeletedClaimKeepsItsBindingSoThatItFindsItsDataWhenCreatedAgain() {
        StateRecord record = StateRecord.empty()
                .withApplied(Map.of("PersistentVolumeClaim/shop/data", "{}", "Deployment/shop/db", "{}"))
                .withClaim("shop/data", ClaimBinding.on("node-2"));

        assertThat(record.withApplied(new TreeMap<>(Map.of("Deployment/shop/db", "{}"))).claims())
                .containsEntry("shop/data", ClaimBinding.on("node-2"));
        assertThat(record.withCordon("node-1", true).claims()).containsKey("shop/data");
    }

    @Test
    void bindingsSurviveTheRecordsJson() throws Exception {
        StateRecord record = StateRecord.empty().withApplied(Map.of("PersistentVolumeClaim/shop/data", "{}"))
                .withClaim("shop/data", ClaimBinding.on("node-1").movedTo("node-2", true));

        StateRecord read = StateJson.read(StateJson.write(record));

        assertThat(read.claims()).isEqualTo(record.claims());
        assertThat(StateJson.read(StateJson.write(StateRecord.empty())).claims()).isEmpty();
    }
}
