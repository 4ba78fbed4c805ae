package dev.berth.docker;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VolumeSizeTest {

    @Test
    void isAFixedScriptThatTakesTheVolumeAndTheImagesAsParameters() {
        List<String> argv = VolumeSize.command("berth_default_data", List.of("app:1", "nginx:1.27"));

        assertThat(argv).hasSize(7).startsWith("sh", "-c").endsWith("sh", "berth_default_data", "app:1", "nginx:1.27");
        assertThat(argv.get(2)).contains("docker run --rm --pull never --network none --user 0 --entrypoint du",
                "type=volume,src=$v,dst=/v,readonly", "-sk /v").doesNotContain("berth_default_data", "app:1");
    }

    @Test
    void measuresOnlyBerthsVolumes() {
        assertThatThrownBy(() -> VolumeSize.command("other", List.of("app:1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VolumeSize.command("berth_x;rm", List.of("app:1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheKibibytesDuPrinted() {
        assertThat(VolumeSize.parse("1204\t/v\n")).isEqualTo(OptionalLong.of(1204L * 1024));
        assertThat(VolumeSize.parse("")).isEmpty();
        assertThat(VolumeSize.parse("du: cannot read\n")).isEmpty();
    }
}
