package dev.berth.cli.observe;

import dev.berth.cli.CliRunner;
import dev.berth.lab.Lab;
import dev.berth.lab.LabTest;
import dev.berth.lab.ProcessResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code berth get pods} against the lab, for a berth-labelled container started on node-2 behind berth's back. */
@LabTest
class GetPodsIT {
    static final String CONTAINER = "it-get-pods-hello";

    @Test
    void showsAPodStartedOnNode2WithItsNodeAndAddress(Lab lab) {
        Lab.Node node2 = lab.node("node-2");
        ProcessResult run = lab.ssh(node2, "docker rm -f " + CONTAINER + " >/dev/null 2>&1;"
                + " docker run -d --name " + CONTAINER + " --label berth.dev/managed=true"
                + " --label berth.dev/namespace=default --label berth.dev/pod=hello-probe-1"
                + " --label app=hello berth-registry:5000/berth-hello:v1");
        assertThat(run.succeeded()).as(run.toString()).isTrue();
        try {
            CliRunner.Result wide = lab.berth("--cluster", lab.inventory().toString(), "get", "pods", "-o", "wide");

            assertThat(wide.exitCode()).as(wide.toString()).isZero();
            String[] rows = wide.out().split("\n");
            assertThat(rows).as(wide.toString()).hasSize(2);
            assertThat(rows[0]).matches("NAME +READY +STATUS +RESTARTS +AGE +NODE +ADDRESS +PORTS +IMAGES");
            assertThat(rows[1]).matches("hello-probe-1 +1/1 +Running +0 +" + ObserveVerbsTest.AGE + " +node-2 +"
                    + node2.address().replace(".", "\\.") + " +<none> +berth-registry:5000/berth-hello:v1");

            CliRunner.Result selected = lab.berth("--cluster", lab.inventory().toString(), "get", "pods",
                    "-l", "app=hello", "-o", "name");
            assertThat(selected.out()).isEqualTo("pod/hello-probe-1\n");
        } finally {
            ProcessResult removed = lab.ssh(node2, "docker rm -f " + CONTAINER);
            assertThat(removed.succeeded()).as(removed.toString()).isTrue();
        }
        CliRunner.Result after = lab.berth("--cluster", lab.inventory().toString(), "get", "pods");
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(after.out()).doesNotContain("hello-probe-1");
    }
}
