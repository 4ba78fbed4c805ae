package dev.berth.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LabFilesTest {
    private final LabName lab = new LabName("lab");

    @Test
    void liveUnderXdgDataHome() {
        LabFiles files = LabFiles.of(Map.of("XDG_DATA_HOME", "/data"), Path.of("/home/ann"), lab);
        assertThat(files.directory()).isEqualTo(Path.of("/data/berth/labs/lab"));
        assertThat(files.inventory()).isEqualTo(Path.of("/data/berth/labs/lab/cluster.yaml"));
        assertThat(files.privateKey()).isEqualTo(Path.of("/data/berth/labs/lab/id_ed25519"));
        assertThat(files.knownHosts()).isEqualTo(Path.of("/data/berth/labs/lab/known_hosts"));
    }

    @Test
    void defaultToTheHomeDirectorysLocalShareLikeXdgSays() {
        assertThat(LabFiles.of(Map.of(), Path.of("/home/ann"), lab).directory())
                .isEqualTo(Path.of("/home/ann/.local/share/berth/labs/lab"));
        assertThat(LabFiles.of(Map.of("XDG_DATA_HOME", "relative"), Path.of("/home/ann"), lab).directory())
                .isEqualTo(Path.of("/home/ann/.local/share/berth/labs/lab"));
    }

    @Test
    void keepTheirDirectoryPrivateAndDisappearOnDelete(@TempDir Path data) throws Exception {
        LabFiles files = LabFiles.of(Map.of("XDG_DATA_HOME", data.toString()), Path.of("/nowhere"), lab);
        files.createDirectory();
        files.write(files.inventory(), "kind: Cluster\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.directory()))).isEqualTo("rwx------");
        assertThat(files.inventory()).hasContent("kind: Cluster");
        files.delete();
        assertThat(files.exist()).isFalse();
        files.delete();
    }
}
