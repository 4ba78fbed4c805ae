package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.lab.Lab;
import dev.berth.lab.LabTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A claim's data on real nodes: it survives a rollout, a node restart and delete + re-apply of its Deployment;
 * {@code drain} moves it with its replica and {@code get pvc} follows; a move killed half-way leaves the data and
 * the replica where they were once {@code reconcile} ran.
 */
@LabTest
class VolumeMovesIT {
    private static final String NAMESPACE = "it-moves";
    private static final Duration RUN = Duration.ofMinutes(3);

    private LabCluster cluster;
    private Path scratch;

    @BeforeEach
    void setUp(Lab lab, @TempDir Path scratch) {
        this.cluster = new LabCluster(lab, scratch);
        this.scratch = scratch;
    }

    @AfterEach
    void forget() {
        for (Lab.Node node : cluster.nodes()) {
            cluster.berth("uncordon", node.name(), "--lock-wait", "90s");
        }
        cluster.forgetNamespace(NAMESPACE);
        cluster.berth("delete", "-n", NAMESPACE, "pvc", "files", "--ignore-not-found", "--lock-wait", "90s");
        for (Lab.Node node : cluster.nodes()) {
            cluster.lab().ssh(node, "docker rm -f berth_" + NAMESPACE + "_files-copy-out berth_" + NAMESPACE
                    + "_files-copy-in >/dev/null 2>&1; docker volume rm berth_" + NAMESPACE + "_files 2>/dev/null; true");
        }
    }

    /** A claim and one replica that serves it over HTTP from /data, and stops at once when asked. */
    private Path files() {
        return cluster.manifest("files.yaml", "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: files, "
                + "namespace: " + NAMESPACE + "}\nspec:\n  accessModes: [ReadWriteOnce]\n"
                + "  resources: {requests: {storage: 1Gi}}\n---\n"
                + LabCluster.deployment(NAMESPACE, "files", 1, "terminationGracePeriodSeconds: 2",
                "volumes: [{name: data, persistentVolumeClaim: {claimName: files}}]")
                .replace("          resources:", "          command: [sh, -c, 'touch /data/index.html && exec httpd -f "
                        + "-p 8080 -h /data']\n          ports: [{name: http, containerPort: 8080}]\n"
                        + "          readinessProbe: {httpGet: {path: /index.html, port: http}}\n"
                        + "          volumeMounts: [{name: data, mountPath: /data}]\n          resources:"));
    }

    private void write(int mebibytes) {
        cluster.succeed("exec", "-n", NAMESPACE, "deploy/files", "--", "sh", "-c",
                "dd if=/dev/urandom of=/data/blob bs=1M count=" + mebibytes + " 2>/dev/null && mkdir -p /data/d "
                        + "&& echo kept > /data/d/note && chown 4321:99 /data/d/note && chmod 0600 /data/d/note");
    }

    /** The blob as the replica serves it over HTTP, and the note's owner and mode, wherever the replica runs. */
    private String served() {
        CliRunner.Result read = cluster.succeed("exec", "-n", NAMESPACE, "deploy/files", "--", "sh", "-c",
                "wget -q -O - http://127.0.0.1:8080/blob | md5sum && stat -c '%u:%g %a' /data/d/note");
        assertThat(read.out()).doesNotContain("d41d8cd98f00b204e9800998ecf8427e");
        return read.out();
    }

    private String node() {
        CliRunner.Result get = cluster.succeed("get", "pods", "-n", NAMESPACE, "-l", "app=files", "-o",
                "jsonpath={.items[*].spec.nodeName}");
        assertThat(get.out().strip()).as(get.toString()).matches("node-[0-9]+");
        return get.out().strip();
    }

    /** The NODE column of {@code get pvc}. */
    private String claimNode() {
        return cluster.succeed("get", "pvc", "files", "-n", NAMESPACE, "--no-headers").out().strip().split("\\s+")[5];
    }

    private String otherThan(String node) {
        return cluster.nodes().stream().map(Lab.Node::name).filter(name -> !name.equals(node)).findFirst()
                .orElseThrow();
    }

    @Test
    void dataSurvivesARolloutANodeRestartAndDeleteAndReapply() {
        Path file = files();
        cluster.succeed("apply", "-f", file.toString(), "--wait");
        write(2);
        String before = served();

        cluster.succeed("rollout", "restart", "-n", NAMESPACE, "deployment/files", "--wait");
        assertThat(served()).as("after a rollout").isEqualTo(before);

        String node = node();
        assertThat(cluster.lab().lab("node", "stop", node).exitCode()).isZero();
        assertThat(cluster.lab().lab("node", "start", node).exitCode()).isZero();
        cluster.succeed("reconcile", "--wait", "--lock-wait", "90s");
        assertThat(node()).isEqualTo(node);
        assertThat(served()).as("after the node restarted").isEqualTo(before);

        cluster.succeed("delete", "-n", NAMESPACE, "deployment", "files");
        cluster.succeed("apply", "-f", file.toString(), "--wait");
        assertThat(served()).as("after delete and apply").isEqualTo(before);
        assertThat(node()).isEqualTo(node);
    }

    @Test
    void drainMovesTheDataWithItsReplicaAndGetPvcFollows() {
        cluster.succeed("apply", "-f", files().toString(), "--wait");
        write(8);
        String before = served();
        String from = node();
        assertThat(claimNode()).isEqualTo(from);

        CliRunner.Result drain = cluster.succeed("drain", from, "--lock-wait", "90s");

        String to = node();
        assertThat(to).isNotEqualTo(from);
        assertThat(drain.out()).contains("persistentvolumeclaim/files moved from " + from + " to " + to
                + " (8.0 MiB in 3 files, checksums match; the old copy stays on " + from + ")")
                .contains("node/" + from + " drained");
        assertThat(drain.err()).contains("persistentvolumeclaim/files: first copy " + from + " -> " + to + ": ")
                .contains("persistentvolumeclaim/files: checksums match on " + from + " and " + to);
        assertThat(served()).as("the same bytes, owner and mode, served on " + to).isEqualTo(before);
        assertThat(claimNode()).isEqualTo(to);
        assertThat(cluster.succeed("describe", "pvc", "files", "-n", NAMESPACE).out())
                .contains("Node:", to).contains("Old Copies:     " + from);
    }

    @Test
    void aMoveKilledHalfWayLeavesTheDataAndTheReplicaWhereTheyWere() throws Exception {
        cluster.succeed("apply", "-f", files().toString(), "--wait");
        write(12);
        String before = served();
        String from = node();
        String target = otherThan(from);

        try (BerthProcess move = BerthProcess.start(Files.createDirectories(scratch.resolve("home")),
                LabCluster.withCluster(cluster.lab().inventory(), "volume", "move", "files", "-n", NAMESPACE,
                        "--to", target, "--limit-rate", "1M"))) {
            assertThat(move.awaitErrLine(line -> line.contains("final copy") && line.contains(" MiB ("), RUN))
                    .as("the final copy, with the replica stopped, is under way: " + move).isTrue();
            assertThat(cluster.running(NAMESPACE, "files").values()).allMatch(ids -> ids.isEmpty());
            move.kill();
        }

        cluster.succeed("lock", "release");
        CliRunner.Result reconcile = cluster.succeed("reconcile", "--wait");
        assertThat(reconcile.err()).contains(from + ": start container");
        assertThat(node()).isEqualTo(from);
        assertThat(served()).as("the data as it was, served on " + from).isEqualTo(before);
        assertThat(claimNode()).isEqualTo(from);

        CliRunner.Result again = cluster.succeed("volume", "move", "files", "-n", NAMESPACE, "--to", target);
        assertThat(again.out()).contains("persistentvolumeclaim/files moved from " + from + " to " + target);
        assertThat(served()).as("moved after all").isEqualTo(before);
        assertThat(cluster.lab().ssh(cluster.node(target), "docker ps -aq --filter label=berth.dev/volume-copy")
                .output()).as("the killed move's copying containers were replaced, then removed").isEmpty();
    }
}
