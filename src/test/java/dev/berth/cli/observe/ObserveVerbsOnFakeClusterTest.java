package dev.berth.cli.observe;

import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import dev.berth.testing.FakeCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact output of get and describe against a cluster kept in memory ({@link FakeClusterCli}): examples/hello
 * applied, then two and a half minutes later the verbs look at it. Docker's answers are recorded from a real
 * engine, so the tables show what a real node would make them show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObserveVerbsOnFakeClusterTest {
    private static final String HELLO = "examples/hello/";

    private FakeClusterCli fake;

    @BeforeAll
    void helloRunsForTwoAndAHalfMinutes(@TempDir Path directory) throws IOException {
        fake = applied(directory);
    }

    private static FakeClusterCli applied(Path directory) throws IOException {
        FakeClusterCli cluster = new FakeClusterCli(directory);
        CliRunner.Result apply = cluster.berth("apply", "-f", HELLO);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        cluster.clock().advance(Duration.ofSeconds(150));
        return cluster;
    }

    private static CliRunner.Result ok(CliRunner.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEmpty();
        return result;
    }

    @Nested
    class GetPods {
        @Test
        void listsOneRowPerReplicaWithItsAgeAndNode() {
            assertThat(ok(fake.berth("get", "pods")).out()).isEqualTo("""
                    NAME                     READY   STATUS    RESTARTS   AGE     NODE
                    hello-2bbc5fece9-ckc87   1/1     Running   0          2m30s   node-1
                    hello-2bbc5fece9-stl2j   1/1     Running   0          2m30s   node-2
                    """);
        }

        @Test
        void wideAddsTheNodeAddressThePublishedPortsAndTheImages() {
            assertThat(ok(fake.berth("get", "pods", "-o", "wide")).out()).isEqualTo("""
                    NAME                     READY   STATUS    RESTARTS   AGE     NODE     ADDRESS     PORTS                     \
                      IMAGES
                    hello-2bbc5fece9-ckc87   1/1     Running   0          2m30s   node-1   10.0.0.11   10.0.0.11:32768->8080/tcp \
                      berth-registry:5000/berth-hello:v1
                    hello-2bbc5fece9-stl2j   1/1     Running   0          2m30s   node-2   10.0.0.12   10.0.0.12:32768->8080/tcp \
                      berth-registry:5000/berth-hello:v1
                    """);
        }

        @Test
        void inAnotherNamespaceSaysThereIsNothingOnStderr() {
            CliRunner.Result result = fake.berth("get", "pods", "-n", "other");
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).isEqualTo("No resources found in other namespace.\n");
        }

        @Test
        void showsAReplicaDockerKeepsRestartingAsCrashLoopBackOffWithItsRestarts(@TempDir Path own) throws IOException {
            FakeClusterCli crashing = applied(own);
            crashing.cluster().node("node-1").docker().crashLoop("hello-2bbc5fece9-ckc87", 4);

            assertThat(ok(crashing.berth("get", "pods")).out()).isEqualTo("""
                    NAME                     READY   STATUS             RESTARTS   AGE     NODE
                    hello-2bbc5fece9-ckc87   0/1     CrashLoopBackOff   4          2m30s   node-1
                    hello-2bbc5fece9-stl2j   1/1     Running            0          2m30s   node-2
                    """);
        }
    }

    @Nested
    class GetNodes {
        @Test
        void showsEachNodesEngineAndWhatItsReplicasRequestOfIt() {
            assertThat(ok(fake.berth("get", "nodes")).out()).isEqualTo("""
                    NAME     STATUS   ROLES    DOCKER           CPU(REQ/CAP)   MEMORY(REQ/CAP)    PODS
                    node-1   Ready    edge     20.10.24+dfsg1   100m/2 (5%)    64Mi/23.5Gi (0%)   1
                    node-2   Ready    <none>   20.10.24+dfsg1   100m/2 (5%)    64Mi/23.5Gi (0%)   1
                    """);
        }

        @Test
        void probesNoContainersHealthWhichOnlyThePodListingsShow(@TempDir Path own) throws IOException {
            FakeClusterCli cluster = applied(own);
            cluster.cluster().forgetCalls();

            ok(cluster.berth("get", "nodes"));
            List<FakeCluster.Call> nodes = cluster.cluster().calls();
            cluster.cluster().forgetCalls();
            ok(cluster.berth("get", "pods"));
            List<FakeCluster.Call> pods = cluster.cluster().calls();

            assertThat(nodes).isNotEmpty().noneMatch(call -> call instanceof FakeCluster.Call.Connect);
            assertThat(pods).anyMatch(call -> call instanceof FakeCluster.Call.Connect);
        }

        @Test
        void showsAnUnreachableNodeWarnsOfItAndExitsThree(@TempDir Path own) throws IOException {
            FakeClusterCli halfDown = applied(own);
            halfDown.cluster().node("node-2").unreachable("connection refused");

            CliRunner.Result result = halfDown.berth("get", "nodes");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.out()).isEqualTo("""
                    NAME     STATUS        ROLES    DOCKER           CPU(REQ/CAP)   MEMORY(REQ/CAP)    PODS
                    node-1   Ready         edge     20.10.24+dfsg1   100m/2 (5%)    64Mi/23.5Gi (0%)   1
                    node-2   Unreachable   <none>   <unknown>        <unknown>      <unknown>          <unknown>
                    """);
            assertThat(result.err()).isEqualTo("""
                    warning: Unreachable: node-2 (10.0.0.12:22): connection refused
                    warning: the desired state stored on the cluster could not be read, so Pending replicas are not \
                    shown: cannot read the cluster state: 1 of 2 state nodes failed (2 must answer): node-2 \
                    (10.0.0.12:22): connection refused
                    """);
        }
    }

    @Nested
    class DescribePod {
        @Test
        void showsWhereTheReplicaRunsEachOfItsContainersAndItsEvents() {
            assertThat(ok(fake.berth("describe", "pod", "hello-2bbc5fece9-ckc87")).out()).isEqualTo("""
                    Name:       hello-2bbc5fece9-ckc87
                    Namespace:  default
                    Deployment: hello
                    Node:       node-1 (10.0.0.11)
                    Status:     Running
                    Ready:      1/1
                    Age:        2m30s
                    Labels:     app=hello
                    Containers:
                      default_hello-2bbc5fece9-ckc87_hello (74f4e2729873)
                        Image:     berth-registry:5000/berth-hello:v1
                        State:     running
                        Health:    healthy
                        Probe:     HTTP probe succeeded with statuscode: 200
                        Restarts:  0
                        Ports:     10.0.0.11:32768->8080/tcp
                    Events:
                      Type    Reason     Age    From           Message
                      ----    ------     ----   ----           -------
                      Normal  Scheduled  2m30s  berth          Successfully assigned default/hello-2bbc5fece9-ckc87 \
                    to node-1
                      Normal  Started    2m30s  berth, node-1  Started container hello
                    """);
        }
    }

    @Nested
    class DescribeDeployment {
        @Test
        void showsItsReplicasRevisionAndImagesThenThePodTemplate() {
            assertThat(ok(fake.berth("describe", "deployment", "hello")).out()).startsWith("""
                    Name:      hello
                    Namespace: default
                    Age:       2m30s
                    Labels:    app=hello
                    Selector:  app=hello
                    Replicas:  2 desired | 2 updated | 2 total | 2 available | 0 unavailable
                    Strategy:  RollingUpdate (max surge 25%, max unavailable 25%)
                    Revision:  1 (berth apply -f examples/hello/)
                    Images:    berth-registry:5000/berth-hello:v1
                    Pod Template:
                    """);
        }
    }
}
