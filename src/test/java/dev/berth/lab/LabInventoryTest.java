package dev.berth.lab;

import dev.berth.manifest.InputFiles;
import dev.berth.manifest.ManifestInput;
import dev.berth.manifest.ManifestLoader;
import dev.berth.manifest.ManifestSet;
import dev.berth.model.Cluster;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LabInventoryTest {
    private final Subnet subnet = new Subnet("172.20.0.0/16", "172.20.0.1");

    @Test
    void describesTheLabAsABerthClusterWithPinnedHostKeysAndTheRegistry() {
        String yaml = LabInventory.render(new LabName("lab"), Path.of("/home/ann/.local/share/berth/labs/lab/id_ed25519"),
                Path.of("/home/ann/.local/share/berth/labs/lab/known_hosts"),
                List.of(LabNodeSpec.of(1, subnet), LabNodeSpec.of(2, subnet)));
        assertThat(yaml).isEqualTo("""
                # The berth lab "lab", written by `berth lab up` and removed by `berth lab down`.
                apiVersion: berth.dev/v1
                kind: Cluster
                metadata:
                  name: lab
                spec:
                  ssh:
                    user: berth
                    port: 22
                    identityFiles:
                      - /home/ann/.local/share/berth/labs/lab/id_ed25519
                    knownHosts: /home/ann/.local/share/berth/labs/lab/known_hosts
                    hostKeyPolicy: strict
                  registry:
                    server: berth-registry:5000
                  edge:
                    image: berth-registry:5000/berth-edge:2
                  nodes:
                    - name: node-1
                      address: 172.20.0.11
                      roles: [edge]
                    - name: node-2
                      address: 172.20.0.12
                """);
    }

    @Test
    void isAnInventoryBerthsOwnLoaderAcceptsAsWritten() {
        String yaml = LabInventory.render(new LabName("it"), Path.of("/tmp/x y/id_ed25519"), Path.of("/tmp/x y/known_hosts"),
                List.of(LabNodeSpec.of(1, subnet), LabNodeSpec.of(2, subnet), LabNodeSpec.of(3, subnet)));
        ManifestSet loaded = new ManifestLoader().load(new InputFiles.Read(
                List.of(new ManifestInput("cluster.yaml", yaml.getBytes(StandardCharsets.UTF_8))), List.of()));
        assertThat(loaded.errors()).isEmpty();
        Cluster cluster = (Cluster) loaded.resources().get(0);
        assertThat(cluster.metadata().name()).isEqualTo("it");
        assertThat(cluster.spec().ssh().identityFiles()).containsExactly("/tmp/x y/id_ed25519");
        assertThat(cluster.spec().ssh().hostKeyPolicy()).isEqualTo(Cluster.Ssh.STRICT);
        assertThat(cluster.spec().registry().server()).isEqualTo("berth-registry:5000");
        assertThat(cluster.spec().nodes()).extracting(Cluster.Node::name, Cluster.Node::address).containsExactly(
                tuple("node-1", "172.20.0.11"), tuple("node-2", "172.20.0.12"), tuple("node-3", "172.20.0.13"));
        assertThat(cluster.spec().nodes().get(0).roles()).containsExactly("edge");
    }

    @Test
    void quotesPathsThatPlainYamlWouldMisread() {
        String yaml = LabInventory.render(new LabName("lab"), Path.of("/home/ann #1/key"), Path.of("/k\"h"),
                List.of());
        assertThat(yaml).contains("      - \"/home/ann #1/key\"\n").contains("    knownHosts: \"/k\\\"h\"\n");
    }

    @Test
    void leavesPlainScalarsBare() {
        assertThat(LabInventory.scalar("berth-registry:5000")).isEqualTo("berth-registry:5000");
        assertThat(LabInventory.scalar("a: b")).isEqualTo("\"a: b\"");
        assertThat(LabInventory.scalar("")).isEqualTo("\"\"");
    }
}
