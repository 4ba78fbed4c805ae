package dev.berth.cli.converge;

import dev.berth.cli.CliRunner;
import dev.berth.lab.Lab;
import dev.berth.lab.ProcessResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab as the desired-state integration tests use it: berth run against the lab's inventory, manifests
 * written to a scratch directory, and what really runs on each node read over OpenSSH with {@code docker ps},
 * independently of berth.
 */
final class LabCluster {
    static final String IMAGE = "berth-registry:5000/berth-hello:v1";

    private final Lab lab;
    private final Path scratch;
    private List<Lab.Node> nodes;

    LabCluster(Lab lab, Path scratch) {
        this.lab = lab;
        this.scratch = scratch;
    }

    Lab lab() {
        return lab;
    }

    /** The lab's nodes, read once: a node keeps its name and address across stop and start. */
    List<Lab.Node> nodes() {
        if (nodes == null) {
            nodes = lab.nodes();
        }
        return nodes;
    }

    Lab.Node node(String name) {
        return nodes().stream().filter(node -> node.name().equals(name)).findFirst().orElseThrow();
    }

    /** {@code berth ARGS --cluster <the lab's inventory>}, in-process. */
    CliRunner.Result berth(String... args) {
        return lab.berth(withCluster(lab.inventory(), args));
    }

    static String[] withCluster(Path inventory, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--cluster", inventory.toString()));
        return all.toArray(String[]::new);
    }

    /** Runs berth and fails the test unless it exits 0. */
    CliRunner.Result succeed(String... args) {
        CliRunner.Result result = berth(args);
        assertThat(result.exitCode()).as("berth %s\n%s", String.join(" ", args), result).isZero();
        return result;
    }

    /** Writes a manifest into the scratch directory and returns its path. */
    Path manifest(String fileName, String yaml) {
        try {
            return Files.writeString(scratch.resolve(fileName), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Deployment of the hello app with small requests and any extra pod spec lines (indented by 6). */
    static String deployment(String namespace, String name, int replicas, String... podSpecLines) {
        StringBuilder yaml = new StringBuilder()
                .append("apiVersion: apps/v1\n")
                .append("kind: Deployment\n")
                .append("metadata: {name: ").append(name).append(", namespace: ").append(namespace).append("}\n")
                .append("spec:\n")
                .append("  replicas: ").append(replicas).append('\n')
                .append("  selector: {matchLabels: {app: ").append(name).append("}}\n")
                .append("  template:\n")
                .append("    metadata: {labels: {app: ").append(name).append("}}\n")
                .append("    spec:\n");
        for (String line : podSpecLines) {
            yaml.append("      ").append(line).append('\n');
        }
        return yaml.append("      containers:\n")
                .append("        - name: hello\n")
                .append("          image: ").append(IMAGE).append('\n')
                .append("          resources: {requests: {cpu: 10m, memory: 16Mi}}\n")
                .toString();
    }

    /** The running containers of a Deployment, by node (every lab node, in order), read with docker ps. */
    Map<String, List<String>> running(String namespace, String deployment) {
        Map<String, List<String>> byNode = new LinkedHashMap<>();
        for (Lab.Node node : nodes()) {
            byNode.put(node.name(), running(node, namespace, deployment));
        }
        return byNode;
    }

    List<String> running(Lab.Node node, String namespace, String deployment) {
        ProcessResult ps = lab.ssh(node, "docker ps --no-trunc --format '{{.ID}}'"
                + " --filter label=berth.dev/namespace=" + namespace
                + " --filter label=berth.dev/deployment=" + deployment);
        assertThat(ps.succeeded()).as("docker ps on %s: %s", node.name(), ps).isTrue();
        return ps.output().isEmpty() ? List.of() : List.of(ps.output().split("\n"));
    }

    /** How many containers of the Deployment run, per node, e.g. {@code {node-1=1, node-2=1, node-3=0}}. */
    Map<String, Integer> counts(String namespace, String deployment) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        running(namespace, deployment).forEach((node, ids) -> counts.put(node, ids.size()));
        return counts;
    }

    /** The per-node counts sorted, e.g. {@code [0, 1, 1]}: how replicas are spread, whichever nodes hold them. */
    List<Integer> spread(String namespace, String deployment) {
        return counts(namespace, deployment).values().stream().sorted().toList();
    }

    /**
     * Removes the Deployments from the stored desired state, whether stored or not, and checks that no
     * container of the namespace is left on any node, running or not.
     */
    void forget(String namespace, String... deployments) {
        List<String> args = new ArrayList<>(List.of("delete", "-n", namespace, "deployment"));
        args.addAll(List.of(deployments));
        args.addAll(List.of("--ignore-not-found", "--lock-wait", "90s"));
        CliRunner.Result result = berth(args.toArray(String[]::new));
        assertThat(result.exitCode()).as("forget %s: %s", List.of(deployments), result).isZero();
        requireNoContainers(namespace);
    }

    private void requireNoContainers(String namespace) {
        for (Lab.Node node : nodes()) {
            ProcessResult left = lab.ssh(node, "docker ps -a -q --filter label=berth.dev/namespace=" + namespace);
            assertThat(left.succeeded()).as(left.toString()).isTrue();
            assertThat(left.output()).as("containers of %s left on %s", namespace, node.name()).isEmpty();
        }
    }

    /**
     * Removes every object stored in {@code namespace} (Deployments, Services, Ingresses, ConfigMaps, Secrets,
     * claims) and checks that no container of it is left: what a test that shares the lab with others leaves
     * behind must not be a cluster-wide run's business.
     */
    void forgetNamespace(String namespace) {
        CliRunner.Result stored = berth("get", "deployments,services,ingresses,configmaps,secrets", "-n", namespace,
                "-o", "name");
        assertThat(stored.exitCode()).as("objects of %s: %s", namespace, stored).isZero();
        List<String> names = stored.out().lines().filter(line -> !line.isBlank()).toList();
        if (!names.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("delete", "-n", namespace));
            args.addAll(names);
            args.addAll(List.of("--ignore-not-found", "--lock-wait", "90s"));
            CliRunner.Result result = berth(args.toArray(String[]::new));
            assertThat(result.exitCode()).as("forget %s: %s", namespace, result).isZero();
        }
        requireNoContainers(namespace);
    }

    int total(String namespace, String deployment) {
        return counts(namespace, deployment).values().stream().mapToInt(Integer::intValue).sum();
    }
}
