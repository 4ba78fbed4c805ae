package dev.berth.state;

import dev.berth.manifest.InputFiles;
import dev.berth.manifest.ManifestLoader;
import dev.berth.manifest.ManifestSet;
import dev.berth.model.Resource;
import dev.berth.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What apply stores is what reconcile reads back: every example application through the record and back. */
class StoredManifestsTest {
    static final Path EXAMPLES = Path.of("examples");

    static ManifestSet load(String example) {
        return new ManifestLoader().load(new InputFiles(EXAMPLES, new ByteArrayInputStream(new byte[0]))
                .read(List.of(example), false));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"api-nodeport", "blog", "config-mounted", "hello", "postgres", "redis-cache", "staging",
            "static-site", "two-hosts"})
    void readsBackEveryObjectAsItWasStored(String example) {
        ManifestSet original = load(example);
        assertThat(original.errors()).isEmpty();
        StateRecord record = StateRecord.empty().withApplied(StoredManifests.encode(original.resources()));

        ManifestSet restored = StoredManifests.decode(StateJson.read(StateJson.write(record)));

        assertThat(restored.errors()).isEmpty();
        assertThat(StoredManifests.encode(restored.resources())).isEqualTo(record.applied());
        assertThat(restored.resources().stream().filter(r -> !(r instanceof Secret)).toList())
                .containsExactlyInAnyOrderElementsOf(
                        original.resources().stream().filter(r -> !(r instanceof Secret)).toList());
    }

    @Test
    void keepsSecretValuesSoReconcileCanWriteThem() {
        ManifestSet original = load("postgres");
        List<Secret> secrets = original.resources().stream().filter(Secret.class::isInstance)
                .map(Secret.class::cast).toList();
        assertThat(secrets).isNotEmpty();

        Map<String, String> stored = StoredManifests.encode(original.resources());
        List<Resource> restored = StoredManifests.decode(StateRecord.empty().withApplied(stored)).resources();

        for (Secret secret : secrets) {
            Secret back = (Secret) restored.stream().filter(r -> r.identity().equals(secret.identity()))
                    .findFirst().orElseThrow();
            assertThat(back.values().keySet()).isEqualTo(secret.values().keySet());
            secret.values().forEach((key, value) -> assertThat(back.values().get(key)).isEqualTo(value));
            assertThat(stored.get(secret.identity())).doesNotContain(Secret.REDACTED);
        }
    }

    @Test
    void namesTheStoredObjectInAProblem() {
        StateRecord damaged = StateRecord.empty().withApplied(Map.of("ConfigMap/default/app",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"app\"},\"dta\":{}}"));

        ManifestSet restored = StoredManifests.decode(damaged);

        assertThat(restored.errors()).hasSize(1);
        assertThat(restored.errors().get(0).position().file()).isEqualTo("cluster state: ConfigMap/default/app");
    }
}
