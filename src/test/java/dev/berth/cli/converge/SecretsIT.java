package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.lab.Lab;
import dev.berth.lab.LabTest;
import dev.berth.lab.ProcessResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets on real nodes: no file on the node that another user could read holds a value (a mounted Secret's
 * files are copied into the container, not written below the SSH user's home), a mounted file has the mode the
 * manifest gives it inside the container and survives the container's restart, no env file outlives the start,
 * {@code docker inspect} of a replica that mounts the Secret as files holds no value, and {@code ps} on the nodes,
 * sampled while berth applies, never shows one.
 */
@LabTest
class SecretsIT {
    private static final String NAMESPACE = "it-secrets";
    private static final String CANARY = "canary-lab-52e1a9";
    /** Every process's command line, as {@code ps} shows it; read from /proc where the node has no ps. */
    private static final String PS = "ps -eo args 2>/dev/null || for p in /proc/[0-9]*; do "
            + "tr '\\0' ' ' < \"$p/cmdline\" 2>/dev/null; echo; done";

    private LabCluster cluster;

    @BeforeEach
    void setUp(Lab lab, @TempDir Path scratch) {
        cluster = new LabCluster(lab, scratch);
    }

    @AfterEach
    void forget() {
        cluster.forgetNamespace(NAMESPACE);
    }

    private static String secret() {
        return "apiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: " + NAMESPACE + "}\n"
                + "stringData: {password: " + CANARY + ", user: " + CANARY + "}\n---\n";
    }

    @Test
    void valuesLiveOnlyInPrivateFilesAndNeverOnACommandLine() throws Exception {
        Path file = cluster.manifest("files.yaml", secret() + LabCluster.deployment(NAMESPACE, "files", 2,
                "volumes:",
                "  - name: creds",
                "    secret: {secretName: creds, defaultMode: 0440, items: [{key: password, path: pw, mode: 0400}, "
                        + "{key: user, path: user}]}") .replace("          resources:",
                "          volumeMounts: [{name: creds, mountPath: /etc/creds}]\n          resources:")
                + "---\n" + LabCluster.deployment(NAMESPACE, "envs", 1).replace("          resources:",
                "          env: [{name: PASSWORD, valueFrom: {secretKeyRef: {name: creds, key: password}}}]\n"
                        + "          envFrom: [{secretRef: {name: creds}}]\n          resources:"));
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean applying = new AtomicBoolean(true);
        CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> {
            do {
                for (Lab.Node node : cluster.nodes()) {
                    ProcessResult ps = cluster.lab().ssh(node, PS);
                    samples.add(ps.succeeded() && !ps.output().isBlank() ? ps.output() : "unread: " + ps);
                }
            } while (applying.get());
        });

        CliRunner.Result apply;
        try {
            apply = cluster.berth("apply", "-f", file.toString(), "--wait", "-v=6");
        } finally {
            applying.set(false);
        }
        sampler.get();

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out() + apply.err()).doesNotContain(CANARY);
        assertThat(samples).hasSizeGreaterThanOrEqualTo(cluster.nodes().size()).allSatisfy(ps ->
                assertThat(ps).doesNotContain(CANARY).doesNotStartWith("unread: "));
        int mounted = 0;
        for (Lab.Node node : cluster.nodes()) {
            assertThat(sh(node, "stat -c '%a %U' \"$HOME/.berth\"")).isEqualTo("700 berth");
            assertThat(sh(node, "find \"$HOME/.berth/pods/" + NAMESPACE + "\" -name '*.env' 2>/dev/null; true"))
                    .as("env files left on %s (a node without a replica has no directory at all)", node.name())
                    .isEmpty();
            assertThat(sh(node, "find \"$HOME/.berth\" /tmp -type f -perm /077 -exec grep -l " + CANARY
                    + " {} + 2>/dev/null; true")).as("files another user could read that hold the value, on %s",
                    node.name()).isEmpty();
            assertThat(sh(node, "grep -rl " + CANARY + " \"$HOME/.berth\" /tmp 2>/dev/null | grep -v /state/; true"))
                    .as("files holding the value on %s, but for the cluster-held record", node.name()).isEmpty();
            for (String id : cluster.running(node, NAMESPACE, "files")) {
                assertThat(sh(node, "docker exec " + id + " stat -c '%a %U %n' /etc/creds/pw /etc/creds/user"))
                        .as("the files inside the container")
                        .isEqualTo("400 root /etc/creds/pw\n440 root /etc/creds/user");
                assertThat(sh(node, "docker exec " + id + " cat /etc/creds/pw")).isEqualTo(CANARY);
                mounted += 2;
                assertThat(sh(node, "docker inspect " + id)).as("docker inspect of a replica that mounts the Secret")
                        .doesNotContain(CANARY).contains("/etc/creds");
            }
        }
        assertThat(mounted).as("two files for each of the two replicas").isEqualTo(4);
        for (Lab.Node node : cluster.nodes()) {
            for (String id : cluster.running(node, NAMESPACE, "files")) {
                assertThat(sh(node, "docker restart " + id + " >/dev/null && docker exec " + id + " cat /etc/creds/pw"))
                        .as("the files survive a restart of the container").isEqualTo(CANARY);
            }
        }

        cluster.succeed("delete", "-f", file.toString());
        for (Lab.Node node : cluster.nodes()) {
            assertThat(sh(node, "docker volume ls --quiet --filter name=berth_" + NAMESPACE + "_"))
                    .as("the volumes the Secret was copied into, on %s, once its replicas are gone", node.name())
                    .isEmpty();
        }
    }

    @Test
    void aStartThatFailsLeavesNoSecretFileBehind() {
        Path file = cluster.manifest("failer.yaml", secret() + LabCluster.deployment(NAMESPACE, "failer", 1,
                "volumes: [{name: creds, secret: {secretName: creds}}]").replace(LabCluster.IMAGE,
                "berth-registry:5000/berth-missing:v1").replace("          resources:",
                "          envFrom: [{secretRef: {name: creds}}]\n"
                        + "          volumeMounts: [{name: creds, mountPath: /etc/creds}]\n          resources:"));

        CliRunner.Result failed = cluster.berth("apply", "-f", file.toString(), "--timeout", "20s");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(3);
        assertThat(failed.out() + failed.err()).doesNotContain(CANARY);
        for (Lab.Node node : cluster.nodes()) {
            assertThat(sh(node, "grep -rl " + CANARY + " \"$HOME/.berth/pods\" 2>/dev/null | grep '\\.env$'; true"))
                    .as("no env file of a failed start on %s", node.name()).isEmpty();
            assertThat(sh(node, "find \"$HOME/.berth\" /tmp -type f -perm /077 -exec grep -l " + CANARY
                    + " {} + 2>/dev/null; true")).as("files another user could read that hold the value, on %s",
                    node.name()).isEmpty();
        }

        cluster.succeed("delete", "-f", file.toString());
        for (Lab.Node node : cluster.nodes()) {
            assertThat(sh(node, "grep -rl " + CANARY + " \"$HOME/.berth\" 2>/dev/null | grep -v /state/; true"))
                    .as("files holding the value on %s once the Deployment and the Secret are gone", node.name())
                    .isEmpty();
        }
    }

    private String sh(Lab.Node node, String command) {
        ProcessResult result = cluster.lab().ssh(node, command);
        assertThat(result.succeeded()).as("%s on %s: %s", command, node.name(), result).isTrue();
        return result.output().strip();
    }
}
