package dev.berth.state;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateRecordTest {
    static final Instant AT = Instant.parse("2025-05-01T12:00:07Z");
    static final String SECRET = "{\"kind\":\"Secret\",\"data\":{\"password\":\"czNjcjN0\"}}";

    static StateRecord sample() {
        return StateRecord.empty()
                .withApplied(Map.of("Secret/default/db", SECRET, "ConfigMap/default/app", "{\"kind\":\"ConfigMap\"}"))
                .withRevision("default/web", "5f8d", JsonNodeFactory.instance.objectNode().put("image", "web:1"),
                        "deploy v1", AT, 10)
                .successor("deploy@laptop", AT);
    }

    @Nested
    class Content {
        @Test
        void aSuccessorIsOneGenerationOnAndStampedWithItsWriter() {
            StateRecord next = sample().successor("ops@desk", AT.plusSeconds(60));

            assertThat(next.generation()).isEqualTo(2);
            assertThat(next.writtenBy()).isEqualTo("ops@desk");
            assertThat(next.writtenAt()).isEqualTo(AT.plusSeconds(60));
            assertThat(next.sameContent(sample())).isTrue();
        }

        @Test
        void keepsStoredObjectsInIdentityOrder() {
            assertThat(sample().applied().keySet()).containsExactly("ConfigMap/default/app", "Secret/default/db");
        }

        @Test
        void forgetsTheRevisionsOfADeletedDeployment() {
            assertThat(sample().withoutRevisions("default/web").revisions("default/web")).isEmpty();
            assertThat(sample().revisions("default/web")).hasSize(1);
        }

        @Test
        void neverShowsStoredManifestsWhenPrinted() {
            assertThat(sample().toString()).isEqualTo("StateRecord[generation 1, written by deploy@laptop at "
                    + "2025-05-01T12:00:07Z, 2 objects, 1 deployments with revisions, 0 cordoned]");
        }

        @Test
        void refusesANegativeGeneration() {
            assertThatThrownBy(() -> new StateRecord(-1, null, null, null, null))
                    .hasMessage("a generation cannot be negative, got -1");
        }
    }

    @Nested
    class FileFormat {
        @Test
        void isOneLineOfJsonThatStartsWithTheGeneration() {
            String text = new String(StateJson.write(sample()), StandardCharsets.UTF_8);

            assertThat(text).startsWith("{\"generation\":1,\"writtenBy\":\"deploy@laptop\","
                    + "\"writtenAt\":\"2025-05-01T12:00:07Z\",\"applied\":{");
            assertThat(text).doesNotContain("\n");
        }

        @Test
        void readsBackWhatItWrote() {
            assertThat(StateJson.read(StateJson.write(sample()))).isEqualTo(sample());
            assertThat(StateJson.read(StateJson.write(StateRecord.empty()))).isEqualTo(StateRecord.empty());
        }

        @Test
        void refusesAFileThatIsNotARecord() {
            assertThatThrownBy(() -> StateJson.read("garbage".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(StateJson.UnreadableRecordException.class)
                    .hasMessage("it does not start with {\"generation\":");
            assertThatThrownBy(() -> StateJson.read("{\"generation\":3,\"applied\":".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(StateJson.UnreadableRecordException.class);
            assertThatThrownBy(() -> StateJson.read("{\"generation\":3,\"writtenAt\":\"yesterday\"}"
                    .getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(StateJson.UnreadableRecordException.class);
        }
    }
}
