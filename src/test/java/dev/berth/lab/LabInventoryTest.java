package dev.berth.lab;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
                  nodes:
                    - name: node-1
                      address: 172.20.0.11
                      roles: [edge]
                    - name: node-2
                      address: 172.20.0.12
                """);
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
