package dev.berth.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.manifest.ManifestSet;
import dev.berth.model.Deployment;
import dev.berth.model.ObjectMeta;
import dev.berth.model.Resource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Edits berth makes to a stored Deployment read back through the same loader as the user's files. */
class StoredDeploymentsTest {
    private static final String HELLO = "default/hello";
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final ManifestSet example = StoredManifestsTest.load("hello");
    private final Deployment v1 = deployment(example.resources());

    private static Deployment deployment(List<Resource> resources) {
        return resources.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst()
                .orElseThrow();
    }

    /** The template as {@code DesiredStates} keeps it in the history: with explicit nulls. */
    private static JsonNode kept(Deployment deployment) {
        return new ObjectMapper().valueToTree(deployment.spec().template());
    }

    private StateRecord stored() {
        Deployment v2 = new Deployment(v1.apiVersion(), v1.kind(), v1.metadata(), new Deployment.Spec(
                v1.spec().replicas(), v1.spec().selector(), v1.spec().strategy(), v1.spec().minReadySeconds(),
                v1.spec().revisionHistoryLimit(), v1.spec().progressDeadlineSeconds(), v1.spec().paused(),
                new Deployment.PodTemplate(v1.spec().template().metadata(), v1.spec().template().spec())));
        return StateRecord.empty().withApplied(StoredManifests.encode(List.of(v2)))
                .withRevision(HELLO, "aaaaaaaaaa", kept(v1), null, NOW, 10)
                .withRevision(HELLO, "bbbbbbbbbb", kept(v2), "v2", NOW, 10);
    }

    private static Deployment readBack(StateRecord record) {
        ManifestSet set = StoredManifests.decode(StateJson.read(StateJson.write(record)));
        assertThat(set.errors()).isEmpty();
        return deployment(set.resources());
    }

    @Nested
    class Templates {
        @Test
        void anEarlierRevisionsTemplateReplacesTheStoredOneAndLoadsAsItWas() {
            StateRecord record = stored();
            StoredRevision first = StoredDeployments.revision(record, HELLO, 1).orElseThrow();

            Deployment restored = readBack(StoredDeployments.withTemplate(record, HELLO, first));

            assertThat(restored.spec().template()).isEqualTo(v1.spec().template());
            assertThat(restored.spec().replicas()).isEqualTo(v1.spec().replicas());
        }

        @Test
        void anEarlierTemplateTakesTheChangeCauseOfTheReplacedOneAway() {
            Deployment annotated = new Deployment(v1.apiVersion(), v1.kind(), new ObjectMeta(v1.metadata().name(),
                    v1.metadata().namespace(), v1.metadata().labels(),
                    Map.of(StoredDeployments.CHANGE_CAUSE, "release 2", "team", "web")), v1.spec());
            StateRecord record = stored().withApplied(StoredManifests.encode(List.of(annotated)));

            Deployment restored = readBack(StoredDeployments.withTemplate(record, HELLO,
                    StoredDeployments.revision(record, HELLO, 1).orElseThrow()));

            assertThat(restored.metadata().annotations()).containsExactly(Map.entry("team", "web"));
        }

        @Test
        void thePreviousRevisionIsTheOneBeforeTheNewest() {
            assertThat(StoredDeployments.previous(stored(), HELLO)).map(StoredRevision::number).contains(1L);
            assertThat(StoredDeployments.previous(StateRecord.empty(), HELLO)).isEmpty();
            assertThat(StoredDeployments.revision(stored(), HELLO, 7)).isEmpty();
        }

        @Test
        void aRestartStampsTheTemplateSoItsHashChanges() {
            Deployment restarted = readBack(StoredDeployments.withRestart(stored(), HELLO, NOW));

            assertThat(restarted.spec().template().metadata().annotations())
                    .containsEntry(StoredDeployments.RESTARTED_AT, "2026-12-02T10:00:00Z");
            assertThat(restarted.spec().template().spec()).isEqualTo(v1.spec().template().spec());
        }
    }

    @Nested
    class Pausing {
        @Test
        void pauseAndResumeSetAndClearSpecPaused() {
            StateRecord paused = StoredDeployments.withPaused(stored(), HELLO, true);
            assertThat(StoredDeployments.paused(paused, HELLO)).isTrue();
            assertThat(readBack(paused).spec().paused()).isTrue();

            StateRecord resumed = StoredDeployments.withPaused(paused, HELLO, false);
            assertThat(StoredDeployments.paused(resumed, HELLO)).isFalse();
            assertThat(resumed.applied()).isEqualTo(stored().applied());
        }

        @Test
        void rolloutPauseMarksThePauseAndResumeLeavesTheObjectAsItWas() {
            StateRecord paused = StoredDeployments.withRolloutPause(stored(), HELLO);
            assertThat(StoredDeployments.pausedByRollout(paused, HELLO)).isTrue();
            assertThat(readBack(paused).metadata().annotations())
                    .containsEntry(StoredDeployments.PAUSED_BY, "rollout pause");

            StateRecord resumed = StoredDeployments.withPaused(paused, HELLO, false);
            assertThat(StoredDeployments.paused(resumed, HELLO)).isFalse();
            assertThat(resumed.applied()).isEqualTo(stored().applied());
        }

        @Test
        void aPauseOfRolloutPauseOutlastsFilesThatDoNotSayPaused() {
            StateRecord paused = StoredDeployments.withRolloutPause(stored(), HELLO);
            StateRecord applied = paused.withApplied(stored().applied());

            assertThat(StoredDeployments.pausedByRollout(StoredDeployments.withPausesOf(paused, applied), HELLO))
                    .isTrue();
            assertThat(StoredDeployments.withPausesOf(stored(), applied)).isEqualTo(applied);
            assertThat(StoredDeployments.withPausesOf(paused, StateRecord.empty())).isEqualTo(StateRecord.empty());
        }

        @Test
        void aFailedRolloutsPauseEndsWithTheNextApply() {
            StateRecord paused = StoredDeployments.withPaused(stored(), HELLO, true);
            StateRecord applied = paused.withApplied(stored().applied());

            assertThat(StoredDeployments.pausedByRollout(paused, HELLO)).isFalse();
            assertThat(StoredDeployments.paused(StoredDeployments.withPausesOf(paused, applied), HELLO)).isFalse();
        }

        @Test
        void aDeploymentTheClusterDoesNotStoreIsNamedInTheError() {
            assertThat(StoredDeployments.stored(stored(), "default/other")).isFalse();
            assertThatThrownBy(() -> StoredDeployments.withPaused(stored(), "default/other", true))
                    .hasMessage("the cluster stores no deployment default/other");
        }
    }
}
