package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.lab.Lab;
import dev.berth.lab.LabTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What runs record on the lab, as get events and describe show it, and an image the lab's registry does not have:
 * its replicas are ErrImagePull with the reason the real registry gave docker.
 */
@LabTest
class EventsIT {
    private static final String NAMESPACE = "it-events";
    private static final String MISSING = "berth-registry:5000/berth-no-such-image:v1";

    private LabCluster cluster;

    @BeforeEach
    void setUp(Lab lab, @TempDir Path scratch) {
        cluster = new LabCluster(lab, scratch);
    }

    @AfterEach
    void forget() {
        cluster.forget(NAMESPACE, "web", "broken");
    }

    @Test
    void anApplyIsRecordedAndShownByGetEventsAndDescribe() {
        Path file = cluster.manifest("web.yaml", LabCluster.deployment(NAMESPACE, "web", 2));
        List<String> earlier = withoutAges(cluster.succeed("get", "events", "-n", NAMESPACE).out());
        cluster.succeed("apply", "-f", file.toString());

        CliRunner.Result events = cluster.succeed("get", "events", "-n", NAMESPACE);
        assertThat(events.out()).matches("(?s)LAST SEEN +TYPE +REASON +OBJECT +MESSAGE\n.*");
        List<String> rows = withoutAges(events.out()).stream().filter(row -> !earlier.contains(row)).toList();
        assertThat(rows).as(events.toString()).filteredOn(row -> row.matches("Normal Scheduled "
                + "pod/web-[0-9a-f]+-[a-z0-9]{5} Successfully assigned it-events/web-.* to node-[0-9]")).hasSize(2);
        assertThat(rows).filteredOn(row -> row.matches("Normal Started pod/web-.* Started container hello"))
                .hasSize(2);
        assertThat(withoutAges(events.out())).anyMatch(row -> row.matches("Normal ScalingReplicaSet deployment/web "
                + "Scaled up replica set web-[0-9a-f]+ to 2 from 0"));

        String page = cluster.succeed("describe", "deployment", "web", "-n", NAMESPACE).out();
        assertThat(page).contains("Pod Template:\n", "    Image:      " + LabCluster.IMAGE + "\n", "Conditions:\n",
                "Events:\n", "  Normal  ScalingReplicaSet  ");

        cluster.berth("reconcile");
        assertThat(withoutAges(cluster.succeed("get", "events", "-n", NAMESPACE).out()))
                .as("a reconcile with nothing to do adds no event").isEqualTo(withoutAges(events.out()));
    }

    /** The rows without their LAST SEEN, which grows while the test runs, and without the padding it causes. */
    private static List<String> withoutAges(String table) {
        return table.lines().map(line -> line.replaceAll(" +", " ").replaceFirst("^\\S+ ", "")).toList();
    }

    @Test
    void aReplicaWhoseImageCannotBePulledIsErrImagePullWithTheRegistrysReason() {
        Path file = cluster.manifest("broken.yaml", LabCluster.deployment(NAMESPACE, "broken", 1)
                .replace(LabCluster.IMAGE, MISSING));
        CliRunner.Result apply = cluster.berth("apply", "-f", file.toString());
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(3);
        assertThat(apply.err()).contains(MISSING).doesNotContain("See 'docker run --help'");

        CliRunner.Result pods = cluster.succeed("get", "pods", "-n", NAMESPACE);
        assertThat(pods.out().lines().toList()).as(pods.toString()).hasSize(2).last().asString()
                .matches("broken-[0-9a-f]+-[a-z0-9]{5} +0/1 +ErrImagePull +0 +<none> +node-[0-9]");

        String pod = pods.out().lines().toList().get(1).split(" +")[0];
        String page = cluster.succeed("describe", "pod", pod, "-n", NAMESPACE).out();
        assertThat(page).contains("Status:     ErrImagePull\n", "Failed to pull image \"" + MISSING + "\": ",
                "Error: ErrImagePull").doesNotContain("See 'docker run --help'");
        assertThat(page).containsPattern("Reason: .*(not found|manifest unknown|denied|does not exist)");
    }
}
