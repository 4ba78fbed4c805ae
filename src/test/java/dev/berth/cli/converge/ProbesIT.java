package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.lab.Lab;
import dev.berth.lab.LabTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes on the real lab: httpGet and tcpSocket through each node's SSH session to the container's address on
 * berth's network, exec through docker exec; each keeps a replica out of READY when it fails, and describe
 * says what it saw. The probes of the named ports are resolved at docker run.
 */
@LabTest
class ProbesIT {
    private static final String NAMESPACE = "it-probes";
    private static final String HELLO = "berth-registry:5000/berth-hello:v1";
    private static final String BROKEN = "berth-registry:5000/berth-hello:broken";

    private LabCluster cluster;

    @BeforeEach
    void setUp(Lab lab, @TempDir Path scratch) {
        cluster = new LabCluster(lab, scratch);
    }

    @AfterEach
    void forget() {
        cluster.forget(NAMESPACE, "serving", "answers-500", "closed-port", "exec-ready", "exec-failing");
    }

    static String deployment(String name, String image, String... containerLines) {
        StringBuilder yaml = new StringBuilder("---\napiVersion: apps/v1\nkind: Deployment\n")
                .append("metadata: {name: ").append(name).append(", namespace: ").append(NAMESPACE).append("}\n")
                .append("spec:\n  replicas: 1\n  selector: {matchLabels: {app: ").append(name).append("}}\n")
                .append("  template:\n    metadata: {labels: {app: ").append(name).append("}}\n")
                .append("    spec:\n      containers:\n        - name: hello\n")
                .append("          image: ").append(image).append('\n')
                .append("          resources: {requests: {cpu: 10m, memory: 16Mi}}\n")
                .append("          ports: [{name: http, containerPort: 8080}, {name: admin, containerPort: 9999}]\n");
        for (String line : containerLines) {
            yaml.append("          ").append(line).append('\n');
        }
        return yaml.toString();
    }

    @Test
    void aFailingProbeOfEachKindKeepsItsReplicaOutOfReadyAndSaysWhy() throws Exception {
        String http = "readinessProbe: {httpGet: {path: /cgi-bin/health, port: http}, periodSeconds: 1}";
        Path file = cluster.manifest("probes.yaml", String.join("",
                deployment("serving", HELLO, http),
                deployment("answers-500", BROKEN, http),
                deployment("closed-port", HELLO, "readinessProbe: {tcpSocket: {port: admin}, periodSeconds: 1}"),
                deployment("exec-ready", HELLO,
                        "readinessProbe: {exec: {command: [cat, /etc/berth-hello-version]}, periodSeconds: 1}"),
                deployment("exec-failing", HELLO,
                        "readinessProbe: {exec: {command: [sh, -c, 'echo not yet; exit 3']}, periodSeconds: 1}")));
        // A new Deployment's replicas that never become ready keep the run waiting until --timeout, then exit 3:
        // the cluster did not reach the desired state.
        CliRunner.Result applied = cluster.berth("apply", "-f", file.toString(), "--timeout", "20s");
        assertThat(applied.exitCode()).as(applied.toString()).isEqualTo(3);
        assertThat(applied.err()).contains("error: timed out waiting for replicas: ")
                .contains("it-probes/answers-500 1/1 updated, 0 available");

        String pods = awaitPods(row("serving", "1/1") + "|" + row("exec-ready", "1/1"));

        assertThat(line(pods, "serving")).matches(row("serving", "1/1"));
        assertThat(line(pods, "exec-ready")).matches(row("exec-ready", "1/1"));
        assertThat(line(pods, "answers-500")).matches(row("answers-500", "0/1"));
        assertThat(line(pods, "closed-port")).matches(row("closed-port", "0/1"));
        assertThat(line(pods, "exec-failing")).matches(row("exec-failing", "0/1"));

        assertThat(describe("answers-500")).contains("Probe:     HTTP probe failed with statuscode: 500");
        assertThat(describe("closed-port")).containsPattern(
                "Probe: {5}dial tcp 172\\.[0-9.]+:9999: connect: connection refused");
        assertThat(describe("exec-failing")).contains("Probe:     exec probe exited 3: not yet");
        assertThat(describe("serving")).contains("Health:    healthy");
    }

    private static String row(String deployment, String ready) {
        return deployment + "-[0-9a-f]{10}-[a-z0-9]{5} +" + ready + " +Running +0 +.*";
    }

    private static String line(String table, String deployment) {
        return Arrays.stream(table.split("\n")).filter(l -> l.startsWith(deployment + "-")).findFirst().orElse("");
    }

    private String describe(String deployment) {
        CliRunner.Result result = cluster.succeed("describe", "pods", "-n", NAMESPACE, "-l", "app=" + deployment);
        return result.out();
    }

    /** Polls get pods until both rows match: the containers need a moment to listen. */
    private String awaitPods(String serving) throws InterruptedException {
        String[] wanted = serving.split("\\|");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            last = cluster.succeed("get", "pods", "-n", NAMESPACE).out();
            String table = last;
            if (Arrays.stream(wanted).allMatch(want -> Arrays.stream(table.split("\n")).anyMatch(l -> l.matches(want)))) {
                return last;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the probed replicas did not become ready:\n" + last);
    }
}
