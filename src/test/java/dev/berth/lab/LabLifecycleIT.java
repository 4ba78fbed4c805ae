package dev.berth.lab;

import dev.berth.cli.CliRunner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A second, one-node lab next to the test lab: it comes up without clashing, and goes down twice. */
@LabTest
class LabLifecycleIT {

    @Test
    void aSecondLabRunsBesideTheFirstAndGoesDownCleanlyTwice(Lab lab) {
        Path base = Path.of("target", "lab-it-second").toAbsolutePath();
        Lab second = new Lab("it-second", base.resolve("data"), base.resolve("config"));
        try {
            CliRunner.Result up = second.lab("up", "--nodes", "1");
            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(second.nodes()).extracting(Lab.Node::name).containsExactly("node-1");
            assertThat(second.node("node-1").address()).isNotEqualTo(lab.node("node-1").address());
            assertThat(second.ssh(second.node("node-1"), "id -un").output()).isEqualTo("berth");
            assertThat(second.berth("config", "current-context").out()).isEqualTo("it-second\n");
        } finally {
            CliRunner.Result down = second.lab("down", "--purge");
            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(down.out()).isEqualTo("lab \"it-second\" is down\n");
        }
        CliRunner.Result status = second.lab("status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).isEmpty();
        assertThat(status.err()).isEqualTo("No lab \"it-second\" is up (start one: berth lab up --name it-second).\n");
        assertThat(second.files().exist()).isFalse();
        CliRunner.Result context = second.berth("config", "current-context");
        assertThat(context.exitCode()).as("the lab's context went with it: " + context).isEqualTo(2);
        assertThat(new LocalProcess().run(List.of("docker", "volume", "inspect", "berth-it-second-registry-data"),
                Duration.ofSeconds(30)).succeeded()).as("--purge removed the registry's volume").isFalse();

        CliRunner.Result again = second.lab("down");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEqualTo("lab \"it-second\" is down (nothing was up)\n");
        assertThat(lab.lab("status").out()).containsPattern("node-1 +Ready ");
    }
}
