package dev.berth.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LabKeyTest {

    @Test
    void theFingerprintDependsOnTheKeyNotItsComment() {
        LabKey one = LabKey.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJySvif one");
        LabKey other = LabKey.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJySvif other");
        assertThat(one.fingerprint()).isEqualTo(other.fingerprint()).hasSize(16);
        assertThat(LabKey.of("ssh-ed25519 AAAAC3different").fingerprint()).isNotEqualTo(one.fingerprint());
    }

    @Test
    void isMadeOnceWithSshKeygenAndThenReused(@TempDir Path data) throws Exception {
        LabFiles files = LabFiles.of(Map.of("XDG_DATA_HOME", data.toString()), data, new LabName("lab"));
        LabKey first = LabKey.ensure(files, new LabName("lab"), new LocalProcess());
        LabKey second = LabKey.ensure(files, new LabName("lab"), new LocalProcess());
        assertThat(second).isEqualTo(first);
        assertThat(first.publicKey()).startsWith("ssh-ed25519 ").endsWith(" berth-lab-lab");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.privateKey())))
                .isEqualTo("rw-------");
    }
}
