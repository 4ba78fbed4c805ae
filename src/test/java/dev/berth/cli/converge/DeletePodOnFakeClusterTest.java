package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code delete pod NAME}: the replica leaves its node and its Deployment replaces it, as kubectl's does. */
class DeletePodOnFakeClusterTest {

    private static FakeClusterCli applied(Path directory) throws IOException {
        FakeClusterCli cluster = new FakeClusterCli(directory);
        CliRunner.Result apply = cluster.berth("apply", "-f", "examples/hello/");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        cluster.clock().advance(Duration.ofSeconds(150));
        return cluster;
    }

    @Test
    void removesTheReplicaFromItsNodeAndTheDeploymentReplacesIt(@TempDir Path directory) throws IOException {
        FakeClusterCli fake = applied(directory);

        CliRunner.Result deleted = fake.berth("delete", "pod", "hello-2bbc5fece9-ckc87");

        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(deleted.out()).isEqualTo("pod \"hello-2bbc5fece9-ckc87\" deleted\n");
        assertThat(deleted.err()).contains("node-1: start container default_hello-2bbc5fece9-",
                "delete: 2 steps done on 1 node");
        // the fake's replica names come from a fixed seed, so the replacement has the old name: it is new by its
        // age and by the host port docker gave it
        assertThat(fake.berth("get", "pods", "-o", "wide").out()).isEqualTo(String.join("\n",
                "NAME                     READY   STATUS    RESTARTS   AGE     NODE     ADDRESS     PORTS"
                        + "                       IMAGES",
                "hello-2bbc5fece9-ckc87   1/1     Running   0          0s      node-1   10.0.0.11   "
                        + "10.0.0.11:32769->8080/tcp   berth-registry:5000/berth-hello:v1",
                "hello-2bbc5fece9-stl2j   1/1     Running   0          2m30s   node-2   10.0.0.12   "
                        + "10.0.0.12:32768->8080/tcp"
                        + "   berth-registry:5000/berth-hello:v1", ""));
        CliRunner.Result diff = fake.berth("diff", "-f", "examples/hello/");
        assertThat(diff.exitCode()).as(diff.toString()).isZero();
    }

    @Test
    void aPodThatIsNotThereIsNotFound(@TempDir Path directory) throws IOException {
        FakeClusterCli fake = applied(directory);

        CliRunner.Result result = fake.berth("delete", "pod/nothing-here");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: pods \"nothing-here\" not found in default namespace\n");
        assertThat(fake.berth("delete", "pod", "nothing-here", "--ignore-not-found").exitCode()).isZero();
    }
}
