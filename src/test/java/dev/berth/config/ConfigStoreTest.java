package dev.berth.config;

import dev.berth.error.InvalidInputException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigStoreTest {
    @TempDir
    Path home;

    private Path file() {
        return home.resolve(".config/berth/config.yaml");
    }

    @Nested
    class Location {
        @Test
        void isUnderDotConfigInTheHomeDirectoryByDefault() {
            assertThat(ConfigStore.forUser(Optional.empty(), home).file()).isEqualTo(file());
        }

        @Test
        void followsAnAbsoluteXdgConfigHome() {
            Path xdg = home.resolve("xdg");
            assertThat(ConfigStore.forUser(Optional.of(xdg.toString()), home).file())
                    .isEqualTo(xdg.resolve("berth/config.yaml"));
        }

        @Test
        void ignoresARelativeXdgConfigHomeAsTheSpecAsks() {
            assertThat(ConfigStore.forUser(Optional.of("relative/dir"), home).file()).isEqualTo(file());
        }
    }

    @Nested
    class Reading {
        @Test
        void aMissingFileIsAnEmptyConfig() {
            assertThat(new ConfigStore(file()).load()).isEqualTo(BerthConfig.empty());
        }

        @Test
        void anEmptyFileIsAnEmptyConfig() throws IOException {
            write("\n");
            assertThat(new ConfigStore(file()).load()).isEqualTo(BerthConfig.empty());
        }

        @Test
        void readsContextsAndTheCurrentOne() throws IOException {
            write("""
                    apiVersion: berth.dev/v1
                    kind: Config
                    currentContext: prod
                    contexts:
                    - name: prod
                      cluster: /srv/prod.yaml
                      namespace: web
                    - name: lab
                      cluster: /srv/lab.yaml
                    """);
            assertThat(new ConfigStore(file()).load()).isEqualTo(new BerthConfig("prod", List.of(
                    new Context("prod", "/srv/prod.yaml", "web"), new Context("lab", "/srv/lab.yaml", null))));
        }

        @Test
        void anUnknownFieldNamesFileLineAndTheKnownFields() throws IOException {
            write("""
                    apiVersion: berth.dev/v1
                    kind: Config
                    contexts:
                    - name: prod
                      cluster: /srv/prod.yaml
                      namespaces: web
                    """);
            assertThatThrownBy(() -> new ConfigStore(file()).load())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage(file() + ":6: unknown field \"namespaces\" (known: cluster, name, namespace)"
                            + " (fix or remove the file; berth config set-context rewrites it)");
        }

        @Test
        void brokenYamlNamesFileAndLine() throws IOException {
            write("contexts:\n- name: prod\n\tcluster: /srv/prod.yaml\n");
            assertThatThrownBy(() -> new ConfigStore(file()).load())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage(file() + ":3: not valid YAML: found character '\\t(TAB)' that cannot start any "
                            + "token. (Do not use \\t(TAB) for indentation)"
                            + " (fix or remove the file; berth config set-context rewrites it)");
        }

        @Test
        void aWrongShapeNamesThePath() throws IOException {
            write("apiVersion: berth.dev/v1\ncontexts: prod\n");
            assertThatThrownBy(() -> new ConfigStore(file()).load())
                    .hasMessageStartingWith(file() + ":2: contexts: expected a list");
        }

        @Test
        void aContextWithoutClusterIsRejected() throws IOException {
            write("contexts:\n- name: prod\n");
            assertThatThrownBy(() -> new ConfigStore(file()).load())
                    .hasMessageStartingWith(file() + ":2: context \"prod\" needs a cluster file");
        }

        @Test
        void aDuplicateContextIsRejected() throws IOException {
            write("contexts:\n- {name: a, cluster: /a}\n- {name: a, cluster: /b}\n");
            assertThatThrownBy(() -> new ConfigStore(file()).load())
                    .hasMessageContaining("context \"a\" is defined twice");
        }

        @Test
        void anotherKindOfFileIsRejected() throws IOException {
            write("apiVersion: berth.dev/v1\nkind: Cluster\n");
            assertThatThrownBy(() -> new ConfigStore(file()).load())
                    .hasMessageContaining("kind must be Config, got Cluster");
        }

        @Test
        void readsNullsAsAbsentAndOtherScalarsAsTheirText() throws IOException {
            write("currentContext: ~\ncontexts:\n- {name: 2026, cluster: /srv/a.yaml, namespace:}\n");
            assertThat(new ConfigStore(file()).load())
                    .isEqualTo(new BerthConfig(null, List.of(new Context("2026", "/srv/a.yaml", null))));
        }

        @Test
        void aListWhereTextBelongsNamesThePathAndLine() throws IOException {
            write("kind: Config\ncontexts:\n- name: [a, b]\n  cluster: /a\n");
            assertThatThrownBy(() -> new ConfigStore(file()).load())
                    .hasMessageStartingWith(file() + ":3: contexts[0].name: expected a text value");
        }

        @Test
        void aFileThatIsNoMappingIsRejected() throws IOException {
            write("- prod\n");
            assertThatThrownBy(() -> new ConfigStore(file()).load())
                    .hasMessageStartingWith(file() + ":1: expected a mapping");
        }

        @Test
        void aDuplicateKeyIsRejected() throws IOException {
            write("currentContext: a\ncurrentContext: b\n");
            assertThatThrownBy(() -> new ConfigStore(file()).load())
                    .hasMessageStartingWith(file() + ":2: ")
                    .hasMessageContaining("currentContext");
        }
    }

    @Nested
    class Writing {
        private final BerthConfig config = new BerthConfig("prod",
                List.of(new Context("prod", "/srv/prod.yaml", "web")));

        @Test
        void writesWhatItReadsBack() {
            ConfigStore store = new ConfigStore(file());
            store.save(config);
            assertThat(store.load()).isEqualTo(config);
        }

        @Test
        void writesPlainYamlWithAHeader() throws IOException {
            new ConfigStore(file()).save(config);
            assertThat(Files.readString(file())).isEqualTo("""
                    apiVersion: berth.dev/v1
                    kind: Config
                    currentContext: prod
                    contexts:
                    - name: prod
                      cluster: /srv/prod.yaml
                      namespace: web
                    """);
        }

        @Test
        void createsTheDirectoryForItsOwnerOnlyAndTheFileReadableByItsOwnerOnly() throws IOException {
            new ConfigStore(file()).save(config);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent())))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
                    .isEqualTo("rw-------");
        }

        @Test
        void replacesAnExistingFileWithoutLeavingTemporaryFiles() throws IOException {
            write("currentContext: old\n");
            Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
            new ConfigStore(file()).save(config);
            try (var listing = Files.list(file().getParent())) {
                assertThat(listing.map(path -> path.getFileName().toString())).containsExactly("config.yaml");
            }
            assertThat(new ConfigStore(file()).load()).isEqualTo(config);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
                    .isEqualTo("rw-------");
        }

        @Test
        void replacesTheFileByRenameSoAnOpenReaderKeepsTheOldContent() throws IOException {
            write("currentContext: old\n");
            Object before = Files.getAttribute(file(), "unix:ino");
            new ConfigStore(file()).save(config);
            assertThat(Files.getAttribute(file(), "unix:ino")).isNotEqualTo(before);
        }

        @Test
        void aDirectoryInTheWayIsAnErrorNamingTheFile() throws IOException {
            Files.createDirectories(file());
            Files.writeString(file().resolve("keep"), "x");
            assertThatThrownBy(() -> new ConfigStore(file()).save(config))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("cannot write " + file() + ": ");
        }
    }

    private void write(String text) throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), text);
    }
}
