package dev.berth.cli.attach;

import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import dev.berth.docker.FakeDocker;
import dev.berth.testing.FakeCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code berth exec} against a cluster kept in memory: examples/hello, whose image answers every docker exec
 * as the test says. Terminals are tried for real in ExecIT; here the run has none.
 */
class ExecOnFakeClusterTest {
    static final String IMAGE = LogsOnFakeClusterTest.IMAGE;
    static final String POD_1 = LogsOnFakeClusterTest.POD_1;

    FakeClusterCli fake;

    @BeforeEach
    void helloRuns(@TempDir Path directory) throws IOException {
        fake = new FakeClusterCli(directory);
        CliRunner.Result apply = fake.berth("apply", "-f", "examples/hello/");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        fake.cluster().forgetCalls();
    }

    String id(String node, String pod) {
        return fake.cluster().node(node).docker().containers().stream().filter(c -> pod.equals(c.pod()))
                .map(FakeDocker.Shown::id).findFirst().orElseThrow();
    }

    List<FakeCluster.Call.Command> execs() {
        return fake.cluster().calls().stream().filter(call -> call instanceof FakeCluster.Call.Command command
                && command.argv().get(1).equals("exec")).map(FakeCluster.Call.Command.class::cast).toList();
    }

    @Test
    void printsTheCommandsOutputAndReturnsItsExitCode() {
        fake.cluster().image(IMAGE).execs(7, "hello from inside\n");

        CliRunner.Result result = fake.berth("exec", POD_1, "--", "sh", "-c", "echo hi; exit 7");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(7);
        assertThat(result.out()).isEqualTo("hello from inside\n");
        assertThat(execs()).singleElement().satisfies(call -> {
            assertThat(call.node()).isEqualTo("node-1");
            assertThat(call.argv()).containsExactly("docker", "exec", "--", id("node-1", POD_1), "sh", "-c",
                    "echo hi; exit 7");
        });
    }

    @Test
    void withStdinPassesItOnToTheEnd() {
        fake.cluster().image(IMAGE).execs(0, "");
        fake.stdin("line one\nline two\n");

        CliRunner.Result result = fake.berth("exec", "-i", POD_1, "--", "wc", "-l");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(execs()).singleElement().satisfies(call -> {
            assertThat(call.argv()).startsWith("docker", "exec", "--interactive", "--");
            assertThat(new String(call.stdin(), StandardCharsets.UTF_8)).isEqualTo("line one\nline two\n");
        });
    }

    @Test
    void aTerminalAskedWithoutOneSaysSoAsKubectlAndGoesOnWithPipes() {
        fake.cluster().image(IMAGE).execs(0, "ok\n");

        CliRunner.Result result = fake.berth("exec", "-it", POD_1, "--", "sh");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEqualTo("Unable to use a TTY - input is not a terminal or the right kind of file\n");
        assertThat(result.out()).isEqualTo("ok\n");
        assertThat(execs()).singleElement().satisfies(call ->
                assertThat(call.argv()).containsExactly("docker", "exec", "--interactive", "--", id("node-1", POD_1),
                        "sh"));
    }

    @Test
    void aDeploymentRunsInItsFirstReplica() {
        fake.cluster().image(IMAGE).execs(0, "");

        CliRunner.Result result = fake.berth("exec", "deploy/hello", "--", "true");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(execs()).singleElement().satisfies(call ->
                assertThat(call.argv()).contains(id("node-1", POD_1)));
    }

    @Test
    void anUnreachableNodeIsExitThree() {
        fake.cluster().node("node-1").unreachable("connection refused");

        CliRunner.Result result = fake.berth("exec", POD_1, "--", "true");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("warning: Unreachable: node-1 (10.0.0.11:22): connection refused",
                "error: pods \"" + POD_1 + "\" not found in default namespace on the nodes that answered (not: node-1)");
    }

    @Test
    void aContainerThatDoesNotRunIsExitThree() {
        fake.cluster().node("node-1").docker().crashLoop(POD_1, 3);

        CliRunner.Result result = fake.berth("exec", POD_1, "--", "true");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).startsWith("error: cannot exec in pod/" + POD_1 + "/hello: its container is ");
        assertThat(execs()).isEmpty();
    }

    @Test
    void usageErrorsAreExitTwoAndRunNothing() {
        CliRunner.Result noCommand = fake.berth("exec", POD_1);
        CliRunner.Result noPod = fake.berth("exec");
        CliRunner.Result selector = fake.berth("exec", "-l", "app=hello", POD_1, "--", "true");
        CliRunner.Result otherNamespace = fake.berth("exec", "-n", "shop", POD_1, "--", "true");

        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.err()).isEqualTo("error: you must specify at least one command for the container\n");
        assertThat(noPod.exitCode()).isEqualTo(2);
        assertThat(noPod.err()).startsWith("error: expected 'exec (POD | TYPE/NAME) -- COMMAND [args...]'.");
        assertThat(selector.exitCode()).isEqualTo(2);
        assertThat(selector.err()).startsWith("error: Unknown option: '-l'");
        assertThat(otherNamespace.exitCode()).isEqualTo(2);
        assertThat(otherNamespace.err()).isEqualTo("error: pods \"" + POD_1 + "\" not found in shop namespace\n");
        assertThat(execs()).isEmpty();
    }
}
