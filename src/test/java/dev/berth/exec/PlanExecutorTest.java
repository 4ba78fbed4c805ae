package dev.berth.exec;

import dev.berth.plan.Action;
import dev.berth.ssh.CommandResult;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.Transport;
import dev.berth.ssh.Tunnel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The executor's order and its stop rules, over a transport that records what it was asked to run. */
class PlanExecutorTest {
    private static final String OLD = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());

    @Test
    void everyStartInTheClusterRunsBeforeAnyRemoval() {
        List<Action> plan = List.of(
                new Action.RunContainer("node-1", "default/web", "web-b", "default_web-b_app", "img:v2",
                        List.of("docker", "run", "web-b")),
                new Action.RemoveContainer("node-2", OLD, "default_web-a_app", "spec changed"),
                new Action.CleanUpPod("node-2", "web-a", "/home/berth/.berth/pods/default/web-a"));
        List<StepResult> steps = executor(Set.of()).execute(plan);

        assertThat(steps).extracting(StepResult::outcome).containsOnly(StepResult.Outcome.DONE);
        assertThat(ran.get(0)).isEqualTo("node-1: docker run web-b");
        assertThat(ran.subList(1, 3)).allMatch(line -> line.startsWith("node-2: sh -c"));
    }

    @Test
    void whenAStartFailsNothingIsRemovedAnywhere() {
        List<Action> plan = List.of(
                new Action.RunContainer("node-1", "default/web", "web-b", "default_web-b_app", "img:v2",
                        List.of("docker", "run", "web-b")),
                new Action.RunContainer("node-1", "default/web", "web-c", "default_web-c_app", "img:v2",
                        List.of("docker", "run", "web-c")),
                new Action.RemoveContainer("node-2", OLD, "default_web-a_app", "spec changed"));
        List<StepResult> steps = executor(Set.of("docker run web-b")).execute(plan);

        assertThat(steps).extracting(StepResult::outcome).containsExactly(StepResult.Outcome.FAILED,
                StepResult.Outcome.SKIPPED, StepResult.Outcome.SKIPPED);
        assertThat(steps.get(0).message()).isEqualTo("exit 125: no such image");
        assertThat(steps.get(2).message()).isEqualTo("skipped: a step that adds failed, so nothing is removed");
        assertThat(ran).containsExactly("node-1: docker run web-b");
    }

    @Test
    void aFailedPullBeforeTheFirstWaveStopsEveryRemovalAndSaysWhatDockerSaid() {
        List<Action> plan = List.of(
                new Action.PullImage("node-1", "img:v2", true),
                new Action.PullImage("node-2", "img:v2"),
                new Action.RemoveContainer("node-2", OLD, "default_web-a_app", "spec changed"));
        List<StepResult> steps = executor(Set.of("docker pull --quiet img:v2")).execute(plan);

        assertThat(steps).extracting(StepResult::outcome).containsExactly(StepResult.Outcome.DONE,
                StepResult.Outcome.FAILED, StepResult.Outcome.SKIPPED);
        assertThat(steps.get(1).message()).isEqualTo("exit 125: no such image");
        assertThat(ran).contains("node-1: sh -c docker image inspect \"$1\" >/dev/null 2>&1 || docker pull --quiet "
                + "\"$1\" sh img:v2");
    }

    @Test
    void nodesAreIndependentWithinAPhase() {
        List<Action> plan = List.of(
                new Action.RunContainer("node-1", "default/web", "web-b", "default_web-b_app", "img:v2",
                        List.of("docker", "run", "web-b")),
                new Action.RunContainer("node-2", "default/web", "web-c", "default_web-c_app", "img:v2",
                        List.of("docker", "run", "web-c")));
        List<StepResult> steps = executor(Set.of("docker run web-b")).execute(plan);

        assertThat(steps).extracting(StepResult::outcome)
                .containsExactly(StepResult.Outcome.FAILED, StepResult.Outcome.DONE);
    }

    @Test
    void anEnvFileIsDeletedOnceItsContainerWasCreated() {
        String envFile = "/home/berth/.berth/pods/default/web-b/env/app.env";
        List<StepResult> steps = executor(Set.of()).execute(List.of(new Action.RunContainer("node-1", "default/web",
                "web-b", "default_web-b_app", "img:v2", List.of("docker", "run", "--env-file", envFile, "web-b"),
                envFile)));

        assertThat(steps).extracting(StepResult::outcome).containsExactly(StepResult.Outcome.DONE);
        assertThat(ran).containsExactly("node-1: docker run --env-file " + envFile + " web-b",
                "node-1: sh -c rm -f -- \"$1\" sh " + envFile);
    }

    @Test
    void anEnvFileIsDeletedWhenTheStartFailsAndTheFailureIsKept() {
        String envFile = "/home/berth/.berth/pods/default/web-b/env/app.env";
        List<StepResult> steps = executor(Set.of("docker run web-b")).execute(List.of(new Action.RunContainer(
                "node-1", "default/web", "web-b", "default_web-b_app", "img:v2", List.of("docker", "run", "web-b"),
                envFile)));

        assertThat(steps).extracting(StepResult::outcome).containsExactly(StepResult.Outcome.FAILED);
        assertThat(steps.get(0).message()).isEqualTo("exit 125: no such image");
        assertThat(ran).containsExactly("node-1: docker run web-b", "node-1: sh -c rm -f -- \"$1\" sh " + envFile);
    }

    @Test
    void anEnvFileIsDeletedWhenItsStartIsSkipped() {
        String envFile = "/home/berth/.berth/pods/default/web-b/env/app.env";
        List<StepResult> steps = executor(Set.of("docker pull --quiet img:v2")).execute(List.of(
                new Action.PullImage("node-1", "img:v2"),
                new Action.RunContainer("node-1", "default/web", "web-b", "default_web-b_app", "img:v2",
                        List.of("docker", "run", "web-b"), envFile)));

        assertThat(steps).extracting(StepResult::outcome).containsExactly(StepResult.Outcome.FAILED,
                StepResult.Outcome.SKIPPED);
        assertThat(ran).containsExactly("node-1: docker pull --quiet img:v2",
                "node-1: sh -c rm -f -- \"$1\" sh " + envFile);
    }

    @Test
    void filesNoContainerUsesAreCleanedUpEvenWhenAStartFails() {
        List<Action> plan = List.of(
                new Action.CleanUpPod("node-1", "web-a", "/home/berth/.berth/pods/default/web-a", true),
                new Action.RunContainer("node-1", "default/web", "web-b", "default_web-b_app", "img:v2",
                        List.of("docker", "run", "web-b")),
                new Action.CleanUpPod("node-2", "web-c", "/home/berth/.berth/pods/default/web-c"));
        List<StepResult> steps = executor(Set.of("docker run web-b")).execute(plan);

        assertThat(steps).extracting(StepResult::outcome).containsExactly(StepResult.Outcome.DONE,
                StepResult.Outcome.FAILED, StepResult.Outcome.SKIPPED);
        assertThat(ran.get(0)).startsWith("node-1: sh -c rm -rf").endsWith("/default/web-a web-a");
    }

    private PlanExecutor executor(Set<String> failing) {
        return new PlanExecutor(TwoNodes.over(new RecordingTransport(failing)), step -> { });
    }

    /** Answers every command at once; the commands named in {@code failing} exit 125. */
    private final class RecordingTransport implements Transport {
        private final Set<String> failing;

        RecordingTransport(Set<String> failing) {
            this.failing = failing;
        }

        @Override
        public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv) {
            String command = String.join(" ", argv);
            ran.add(node.name() + ": " + command);
            boolean fails = failing.contains(command);
            return CompletableFuture.completedFuture(new CommandResult(fails ? 125 : 0, new byte[0],
                    (fails ? "no such image" : "").getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public CompletableFuture<CommandResult> run(SshTarget node, List<String> argv, byte[] stdin) {
            return run(node, argv);
        }

        @Override
        public CompletableFuture<Void> upload(SshTarget node, byte[] content, String remotePath, int mode) {
            ran.add(node.name() + ": upload " + remotePath);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Tunnel tunnel(SshTarget node, int remotePort) {
            throw new UnsupportedOperationException("no tunnels in this test");
        }

        @Override
        public void close() {
        }
    }
}
