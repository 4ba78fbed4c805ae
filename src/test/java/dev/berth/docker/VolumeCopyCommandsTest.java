package dev.berth.docker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The commands of a volume copy: values only as positional parameters, a claim's volume only. */
class VolumeCopyCommandsTest {
    private static final String VOLUME = "berth_shop_db-data";

    @Test
    void theSendingSideMountsReadOnlyAndTheReceivingSideWithoutTheImagesFiles() {
        assertThat(VolumeCopyCommands.create(VOLUME, "registry:5000/db:1", true))
                .startsWith("sh", "-c").endsWith("sh", VOLUME + "-copy-out", VOLUME, ",readonly", "registry:5000/db:1");
        assertThat(VolumeCopyCommands.create(VOLUME, "db:1", false))
                .endsWith("sh", VOLUME + "-copy-in", VOLUME, ",volume-nocopy", "db:1");
        assertThat(VolumeCopyCommands.create(VOLUME, "db:1", true).get(2))
                .contains("--pull never", "--network none", "--label " + VolumeCopyCommands.LABEL)
                .doesNotContain(VOLUME, "db:1");
    }

    @Test
    void docker_cpStreamsTheTreeOutAndInKeepingOwners() {
        assertThat(VolumeCopyCommands.read(VOLUME))
                .containsExactly("docker", "cp", VOLUME + "-copy-out:/berth-volume/.", "-");
        assertThat(VolumeCopyCommands.write(VOLUME))
                .containsExactly("docker", "cp", "--archive", "-", VOLUME + "-copy-in:/berth-volume");
        assertThat(VolumeCopyCommands.readBack(VOLUME))
                .containsExactly("docker", "cp", VOLUME + "-copy-in:/berth-volume/.", "-");
    }

    @Test
    void onlyAClaimsVolumeIsEverCopiedOrEmptied() {
        assertThatThrownBy(() -> VolumeCopyCommands.empty("pgdata")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VolumeCopyCommands.read("berth_shop_x;rm -rf /"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(VolumeCopyCommands.empty(VOLUME)).endsWith("sh", VOLUME + "-copy-in", VOLUME);
        assertThat(VolumeCopyCommands.remove(VOLUME)).endsWith("sh", VOLUME + "-copy-out", VOLUME + "-copy-in");
    }
}
