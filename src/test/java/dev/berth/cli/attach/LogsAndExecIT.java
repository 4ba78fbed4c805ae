package dev.berth.cli.attach;

import dev.berth.cli.CliRunner;
import dev.berth.cli.converge.BerthProcess;
import dev.berth.lab.Lab;
import dev.berth.lab.LabTest;
import dev.berth.lab.ProcessResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * logs and exec on the real lab, as a user runs them: the berth jar as a process of its own (in tmux for a
 * terminal), against a Deployment whose replicas, spread over the nodes, print a line a second.
 */
@LabTest
class LogsAndExecIT {
    static final String NAMESPACE = "it-attach";
    static final Duration PATIENCE = Duration.ofMinutes(3);
    static final Pattern PREFIX = Pattern.compile("^\\[pod/(ticker-[a-z0-9-]+)/ticker] (.*)$");

    Lab lab;
    Path scratch;

    @BeforeEach
    void tickerRuns(Lab lab, @TempDir Path scratch) throws IOException {
        this.lab = lab;
        this.scratch = scratch;
        Path manifest = Files.writeString(scratch.resolve("ticker.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: ticker, namespace: it-attach}
                spec:
                  replicas: 2
                  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
                  selector: {matchLabels: {app: ticker}}
                  template:
                    metadata: {labels: {app: ticker}}
                    spec:
                      terminationGracePeriodSeconds: 1
                      containers:
                        - name: ticker
                          image: berth-registry:5000/berth-hello:v1
                          command: [sh, -c, 'echo started; i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 1; done']
                          resources: {requests: {cpu: 10m, memory: 16Mi}}
                """);
        succeed("apply", "-f", manifest.toString(), "--wait");
    }

    @AfterEach
    void forget() {
        succeed("delete", "deployment", "ticker", "--ignore-not-found", "--lock-wait", "90s");
    }

    CliRunner.Result berth(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (!all.get(0).equals("apply")) {
            // the manifest names the namespace; apply takes no -n
            all.addAll(List.of("-n", NAMESPACE));
        }
        all.addAll(List.of("--cluster", lab.inventory().toString()));
        return lab.berth(all.toArray(String[]::new));
    }

    CliRunner.Result succeed(String... args) {
        CliRunner.Result result = berth(args);
        assertThat(result.exitCode()).as("berth %s%n%s", String.join(" ", args), result).isZero();
        return result;
    }

    /** The replicas now, with their nodes: {@code name node} per line of get pods -o wide. */
    List<String[]> pods() {
        return succeed("get", "pods", "-l", "app=ticker", "-o", "wide").out().lines().skip(1)
                .map(line -> line.split(" +")).map(columns -> new String[] {columns[0], columns[5]}).toList();
    }

    Set<String> podNames() {
        Set<String> names = new TreeSet<>();
        pods().forEach(pod -> names.add(pod[0]));
        return names;
    }

    static Set<String> prefixedPods(String out) {
        Set<String> pods = new TreeSet<>();
        out.lines().map(PREFIX::matcher).filter(Matcher::matches).forEach(m -> pods.add(m.group(1)));
        return pods;
    }

    static void await(String what, BooleanSupplier condition, Object shown) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited for %s:%n%s", what, shown).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** {@code VERB -n NAMESPACE --cluster INVENTORY ARGS}: the options before any {@code --} of ARGS. */
    String[] scoped(String verb, String... args) {
        List<String> all = new ArrayList<>(List.of(verb, "-n", NAMESPACE, "--cluster", lab.inventory().toString()));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    /** {@code java -jar target/berth.jar VERB -n NAMESPACE --cluster INVENTORY ARGS}. */
    String[] jar(String verb, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", Path.of("target", "berth.jar").toAbsolutePath().toString()));
        command.addAll(List.of(scoped(verb, args)));
        return command.toArray(String[]::new);
    }

    /** The jar as a process with the scratch directory as its home, so that it shares nothing with this JVM. */
    ProcessBuilder process(String verb, String... args) {
        ProcessBuilder builder = new ProcessBuilder(jar(verb, args));
        builder.environment().put("HOME", scratch.toString());
        builder.environment().put("NO_COLOR", "1");
        return builder;
    }

    @Test
    void logsOfADeploymentComeFromEveryReplicaAcrossNodesEachLinePrefixed() {
        List<String[]> pods = pods();
        assertThat(pods).hasSize(2);
        assertThat(pods.stream().map(pod -> pod[1]).distinct()).as("spread over nodes").hasSize(2);

        CliRunner.Result result = succeed("logs", "deployment/ticker");

        assertThat(result.out().lines()).allMatch(line -> PREFIX.matcher(line).matches());
        assertThat(prefixedPods(result.out())).isEqualTo(podNames());
        assertThat(result.out()).contains("] started\n", "] tick 1\n");

        CliRunner.Result one = succeed("logs", pods.get(0)[0], "--tail", "1");
        assertThat(one.out()).matches("tick [0-9]+\n");
    }

    @Test
    void followingThroughARolloutNewReplicasJoinAndOldOnesLeaveWithANote() throws Exception {
        Set<String> before = podNames();
        try (BerthProcess follow = BerthProcess.start(scratch, scoped("logs", "-f", "deploy/ticker", "--tail", "1"))) {
            await("lines of both replicas", () -> prefixedPods(follow.out()).containsAll(before), follow);

            succeed("rollout", "restart", "deployment/ticker", "--wait");
            Set<String> after = podNames();
            assertThat(after).hasSize(2).doesNotContainAnyElementsOf(before);

            await("lines of the new replicas", () -> prefixedPods(follow.out()).containsAll(after), follow);
            for (String gone : before) {
                // gone from its node, or seen exited on the way out: one note either way
                assertThat(follow.awaitErrLine(line -> line.matches("pod/" + gone + "/ticker left \\((the replica is "
                        + "gone|its container exited)\\)"), PATIENCE)).as(follow.toString()).isTrue();
            }
            assertThat(follow.err().lines().filter(line -> line.contains(" left ("))).hasSize(before.size());
            for (String joined : after) {
                assertThat(follow.awaitErrLine(line -> line.matches("following pod/" + joined
                        + "/ticker on node-[0-9]+ \\(new replica\\)"), PATIENCE)).as(follow.toString()).isTrue();
                assertThat(follow.out()).contains("[pod/" + joined + "/ticker] started\n");
            }
        }
        // the follower was killed (SIGKILL): the docker logs it started on the nodes end with its channels
        for (Lab.Node node : lab.nodes()) {
            await("no docker logs --follow left on " + node.name(), () -> followedLogs(node) == 0, node.name());
        }
    }

    /** How many {@code docker logs --follow} processes run on the node. */
    private int followedLogs(Lab.Node node) {
        ProcessResult found = lab.ssh(node, "for c in /proc/[0-9]*/cmdline; do tr '\\0' ' ' < \"$c\" 2>/dev/null; "
                + "echo; done | grep -c '^docker logs --follow' || true");
        assertThat(found.succeeded()).as("%s", found).isTrue();
        return Integer.parseInt(found.output().strip());
    }

    @Test
    void execPassesStdinAndReturnsTheCommandsExitCodeAndItsBytes() throws Exception {
        String pod = podNames().iterator().next();

        Process counted = process("exec", "-i", pod, "--", "wc", "-l").start();
        try (OutputStream stdin = counted.getOutputStream()) {
            stdin.write("one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(counted.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(new String(counted.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo("3");
        assertThat(counted.exitValue()).isZero();

        Process failing = process("exec", pod, "--", "sh", "-c", "echo out; echo err >&2; exit 7").start();
        assertThat(failing.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(failing.exitValue()).isEqualTo(7);
        assertThat(new String(failing.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("out\n");
        assertThat(new String(failing.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("err\n");

        byte[] every = new byte[256];
        for (int i = 0; i < every.length; i++) {
            every[i] = (byte) i;
        }
        Process copied = process("exec", "-i", "deploy/ticker", "--", "cat").start();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return copied.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (OutputStream stdin = copied.getOutputStream()) {
            stdin.write(every);
        }
        assertThat(output.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(every);
        assertThat(copied.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(copied.exitValue()).isZero();

        Process nowhere = process("exec", "no-such-pod", "--", "true").start();
        assertThat(nowhere.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(nowhere.exitValue()).isEqualTo(2);
    }

    /** Whether a process with this command line runs in the pod's container, asked with another exec. */
    boolean runs(String pod, String commandLine) {
        return lab.berth(scoped("exec", pod, "--", "sh", "-c", "ps | grep -q '[" + commandLine.charAt(0) + "]"
                + commandLine.substring(1) + "'")).exitCode() == 0;
    }

    @Test
    void execOnATerminalDrivenThroughTmux() throws Exception {
        String pod = podNames().iterator().next();
        Tmux tmux = new Tmux("berth-it-" + lab.name(), scratch);
        String berth = String.join(" ", Arrays.stream(jar("exec", "-it", pod, "--", "sh")).map(Tmux::quote).toList());
        tmux.start(100, 30, "env HOME=" + Tmux.quote(scratch.toString()) + " " + berth
                + "; echo \"berth exited $?\"; sleep 600");
        try {
            tmux.awaitScreen("a prompt", screen -> screen.contains("#") || screen.contains("$"));

            tmux.type("echo answer-$((6*7))");
            tmux.awaitScreen("the command's output", screen -> screen.contains("answer-42"));

            tmux.type("stty size");
            tmux.awaitScreen("the terminal's size", screen -> screen.contains("30 100"));
            tmux.resize(120, 40);
            tmux.retypeUntil("the new size", "stty size", screen -> screen.contains("40 120"));

            tmux.type("sleep 301");
            await("sleep running in the container", () -> runs(pod, "sleep 301"), tmux);
            tmux.keys("C-c");
            tmux.type("echo sleep-ended-$?");
            tmux.awaitScreen("sleep ended by Ctrl-C", screen -> screen.contains("sleep-ended-130"));

            tmux.type("exit 3");
            tmux.awaitScreen("berth's exit code", screen -> screen.contains("berth exited 3"));
        } finally {
            tmux.kill();
        }
    }
}
