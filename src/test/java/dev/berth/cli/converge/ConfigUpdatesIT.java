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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ConfigMaps and Secrets as a pod reads them, on real nodes: a changed value rolls the Deployments that read it
 * (new replicas, which see the new value in their environment and their files) and no other; {@code optional}
 * references to what does not exist let the replica start, a required one keeps it Pending with the reason; and
 * {@code items} project only the keys they list, at their paths, with their modes.
 */
@LabTest
class ConfigUpdatesIT {
    private static final String NAMESPACE = "it-config";
    /** What the reader prints: the variable by key, the variable from {@code envFrom}, the mounted file. */
    private static final String READ = "printf '%s %s %s' \"$GREETING\" \"$extra\" \"$(cat /etc/source/greeting)\"";

    private LabCluster cluster;

    @BeforeEach
    void setUp(Lab lab, @TempDir Path scratch) {
        cluster = new LabCluster(lab, scratch);
    }

    @AfterEach
    void forget() {
        cluster.forgetNamespace(NAMESPACE);
    }

    @Test
    void aChangedConfigMapRollsTheDeploymentsThatReadItAndNoOther() {
        rollsItsReadersOnly("ConfigMap", "configMap", "name");
    }

    @Test
    void aChangedSecretRollsTheDeploymentsThatReadItAndNoOther() {
        rollsItsReadersOnly("Secret", "secret", "secretName");
    }

    private void rollsItsReadersOnly(String kind, String volumeKind, String nameField) {
        String ref = kind.equals("Secret") ? "secret" : "configMap";
        String readerSpec = LabCluster.deployment(NAMESPACE, "reader", 2,
                "volumes: [{name: source, " + volumeKind + ": {" + nameField + ": source}}]")
                .replace("          resources:", "          env: [{name: GREETING, valueFrom: {" + ref + "KeyRef: "
                        + "{name: source, key: greeting}}}]\n"
                        + "          envFrom: [{" + ref + "Ref: {name: source}}]\n"
                        + "          volumeMounts: [{name: source, mountPath: /etc/source}]\n          resources:");
        String rest = "---\n" + readerSpec + "---\n" + LabCluster.deployment(NAMESPACE, "bystander", 1);
        Path first = cluster.manifest("first.yaml", source(kind, "hello-1") + rest);
        cluster.succeed("apply", "-f", first.toString(), "--wait");
        List<String> readers = ids("reader");
        List<String> bystanders = ids("bystander");
        assertThat(readers).hasSize(2);
        assertThat(read()).isEqualTo("hello-1 a hello-1");

        Path second = cluster.manifest("second.yaml", source(kind, "hello-2") + rest);
        CliRunner.Result changed = cluster.succeed("apply", "-f", second.toString(), "--wait");

        assertThat(changed.out() + changed.err()).doesNotContain("hello-");
        assertThat(ids("reader")).as("new replicas of the reader").hasSize(2).doesNotContainAnyElementsOf(readers);
        assertThat(ids("bystander")).as("the Deployment that does not read it keeps its replica")
                .isEqualTo(bystanders);
        assertThat(read()).isEqualTo("hello-2 a hello-2");
        for (Lab.Node node : cluster.nodes()) {
            assertThat(sh(node, "docker volume ls --quiet --filter name=berth_" + NAMESPACE + "_reader-").lines()
                    .toList()).as("the copied volumes on %s: only those of the new replicas", node.name())
                    .hasSize(cluster.running(node, NAMESPACE, "reader").size());
        }
        CliRunner.Result again = cluster.succeed("diff", "-f", second.toString());
        assertThat(again.out()).as("nothing left to do").doesNotContain("start container");
    }

    private static String source(String kind, String greeting) {
        return "apiVersion: v1\nkind: " + kind + "\nmetadata: {name: source, namespace: " + NAMESPACE + "}\n"
                + (kind.equals("Secret") ? "stringData" : "data") + ": {greeting: " + greeting + ", extra: a}\n";
    }

    @Test
    void optionalReferencesToWhatDoesNotExistLetTheReplicaStartAndARequiredOneKeepsItPending() {
        Path optional = cluster.manifest("optional.yaml", LabCluster.deployment(NAMESPACE, "optional", 1,
                "volumes:",
                "  - {name: cm, configMap: {name: absent-map, optional: true}}",
                "  - {name: sec, secret: {secretName: absent-secret, optional: true}}")
                .replace("          resources:",
                        "          env:\n"
                        + "            - {name: FROM_MAP, valueFrom: {configMapKeyRef: {name: absent-map, key: k, "
                        + "optional: true}}}\n"
                        + "            - {name: FROM_SECRET, valueFrom: {secretKeyRef: {name: absent-secret, key: k, "
                        + "optional: true}}}\n"
                        + "          envFrom: [{configMapRef: {name: absent-map, optional: true}}, "
                        + "{secretRef: {name: absent-secret, optional: true}}]\n"
                        + "          volumeMounts: [{name: cm, mountPath: /etc/cm}, {name: sec, mountPath: /etc/sec}]\n"
                        + "          resources:"));

        cluster.succeed("apply", "-f", optional.toString(), "--wait");

        assertThat(cluster.total(NAMESPACE, "optional")).isEqualTo(1);
        assertThat(exec("deploy/optional", "printf '[%s][%s]' \"${FROM_MAP-unset}\" \"${FROM_SECRET-unset}\"; "
                + "ls -A /etc/cm /etc/sec | wc -w")).isEqualTo("[unset][unset]2");

        Path required = cluster.manifest("required.yaml", LabCluster.deployment(NAMESPACE, "required", 1,
                "volumes: [{name: sec, secret: {secretName: absent-secret}}]").replace("          resources:",
                "          env: [{name: FROM_MAP, valueFrom: {configMapKeyRef: {name: absent-map, key: k}}}]\n"
                        + "          volumeMounts: [{name: sec, mountPath: /etc/sec}]\n          resources:"));
        CliRunner.Result pending = cluster.berth("apply", "-f", required.toString(), "--timeout", "20s");

        assertThat(pending.exitCode()).as(pending.toString()).isNotZero();
        assertThat(pending.out() + pending.err()).contains("configmap \"absent-map\" not found");
        assertThat(cluster.total(NAMESPACE, "required")).isZero();
        CliRunner.Result pods = cluster.succeed("get", "pods", "-n", NAMESPACE);
        assertThat(pods.out()).containsPattern("required-\\S+ +0/1 +Pending");
    }

    @Test
    void itemsProjectOnlyTheListedKeysAtTheirPathsWithTheirModes() {
        Path file = cluster.manifest("items.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: layout, "
                + "namespace: " + NAMESPACE + "}\ndata: {a: alpha, b: beta, c: gamma}\n---\n"
                + LabCluster.deployment(NAMESPACE, "items", 1,
                "volumes: [{name: layout, configMap: {name: layout, defaultMode: 0440, "
                        + "items: [{key: a, path: dir/x.conf, mode: 0400}, {key: b, path: y}]}}]")
                .replace("          resources:", "          volumeMounts: [{name: layout, mountPath: /etc/items}, "
                        + "{name: layout, mountPath: /etc/single.conf, subPath: y}]\n          resources:"));

        cluster.succeed("apply", "-f", file.toString(), "--wait");

        assertThat(exec("deploy/items", "cd /etc/items && find . -type f | sort | while read f; do "
                + "printf '%s %s %s\\n' \"$f\" \"$(stat -c %a \"$f\")\" \"$(cat \"$f\")\"; done; "
                + "printf '%s %s' \"$(stat -c %a /etc/single.conf)\" \"$(cat /etc/single.conf)\""))
                .isEqualTo("./dir/x.conf 400 alpha\n./y 440 beta\n440 beta");
    }

    private String read() {
        List<String> seen = new ArrayList<>();
        for (Lab.Node node : cluster.nodes()) {
            for (String id : cluster.running(node, NAMESPACE, "reader")) {
                seen.add(sh(node, "docker exec " + id + " sh -c '" + READ.replace("'", "'\\''") + "'"));
            }
        }
        assertThat(seen).hasSize(2).containsOnly(seen.get(0));
        assertThat(exec("deploy/reader", READ)).as("as berth exec shows it").isEqualTo(seen.get(0));
        return seen.get(0);
    }

    private String exec(String target, String script) {
        CliRunner.Result result = cluster.succeed("exec", "-n", NAMESPACE, target, "--", "sh", "-c", script);
        return result.out().strip();
    }

    private List<String> ids(String deployment) {
        return cluster.running(NAMESPACE, deployment).values().stream().flatMap(List::stream).sorted().toList();
    }

    private String sh(Lab.Node node, String command) {
        ProcessResult result = cluster.lab().ssh(node, command);
        assertThat(result.succeeded()).as("%s on %s: %s", command, node.name(), result).isTrue();
        return result.output().strip();
    }
}
