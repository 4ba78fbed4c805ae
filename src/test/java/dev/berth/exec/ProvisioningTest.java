package dev.berth.exec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.berth.error.ClusterException;
import dev.berth.manifest.InventoryReader;
import dev.berth.model.Cluster;
import dev.berth.plan.PendingReplica;
import dev.berth.ssh.KnownHosts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisioningTest {
    static final String KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIKnown";

    @Test
    void onlyLackOfRoomCallsForANewServer() {
        assertThat(new PendingReplica("d/web", "0/3 nodes fit: 2 insufficient memory, 1 cordoned").lacksRoom())
                .isTrue();
        assertThat(new PendingReplica("d/web", "0/2 nodes fit: 1 insufficient cpu, 1 node selector mismatch")
                .lacksRoom()).isTrue();
        assertThat(new PendingReplica("d/web", "0/3 nodes fit: 3 node selector mismatch").lacksRoom()).isFalse();
        assertThat(new PendingReplica("d/web", "configmap \"web-config\" not found").lacksRoom()).isFalse();
    }

    @Nested
    class Answers {
        @Test
        void theEntryIsWrittenAsOneFlowMappingWithEveryStringQuoted() throws Exception {
            var entry = new ObjectMapper(new YAMLFactory()).readTree("name: node-4\naddress: 10.0.0.14\nport: 2222\n"
                    + "labels: {zone: \"a: b\"}\nroles: [edge]\ncapacity: {cpu: 2, memory: 8Gi}\n");
            assertThat(ProvisionerAnswer.flow(entry)).isEqualTo("{\"name\": \"node-4\", \"address\": \"10.0.0.14\", "
                    + "\"port\": 2222, \"labels\": {\"zone\": \"a: b\"}, \"roles\": [\"edge\"], "
                    + "\"capacity\": {\"cpu\": 2, \"memory\": \"8Gi\"}}");
        }

        @Test
        void theHostKeyIsTakenOutOfTheEntry() {
            ProvisionerAnswer answer = ProvisionerAnswer.parse("{name: node-4, address: 10.0.0.14, "
                    + "hostKey: \"ssh-ed25519 " + KEY + "\"}", "the provisioner ./add");

            assertThat(answer.name()).isEqualTo("node-4");
            assertThat(answer.entry()).isEqualTo("{\"name\": \"node-4\", \"address\": \"10.0.0.14\"}");
            assertThat(answer.hostKey("the provisioner ./add")).contains(new KnownHosts.HostKey("ssh-ed25519", KEY));
        }

        @Test
        void anEntryWithoutHostKeyHasNone() {
            assertThat(ProvisionerAnswer.parse("name: node-4\nhostKey: null\n", "p").hostKey("p")).isEmpty();
        }

        @Test
        void outputThatIsNoMappingIsAnErrorQuotingIt() {
            assertThatThrownBy(() -> ProvisionerAnswer.parse("created\nnode-4\n", "the provisioner ./add"))
                    .isInstanceOf(ClusterException.class)
                    .hasMessageStartingWith("the provisioner ./add printed no node entry")
                    .hasMessageEndingWith("it printed: created node-4");
        }

        @Test
        void aHostKeyThatIsNotTypeAndBase64SaysTheNodeIsInTheInventory() {
            ProvisionerAnswer answer = ProvisionerAnswer.parse("{name: node-4, hostKey: ssh-ed25519}", "p");

            assertThatThrownBy(() -> answer.hostKey("p")).isInstanceOf(ClusterException.class)
                    .hasMessage("p printed a hostKey that is not \"TYPE BASE64\" (e.g. \"ssh-ed25519 AAAA...\"): "
                            + "ssh-ed25519; node node-4 is in the inventory, its key is not recorded");
        }
    }

    @Nested
    class AddingANode {
        @TempDir
        Path directory;

        final List<String> said = new ArrayList<>();

        Path inventory(String policy) throws Exception {
            Path script = Files.writeString(directory.resolve("add.sh"), "#!/bin/sh\n"
                    + "echo \"asked: $BERTH_PENDING\" >&2\n"
                    + "cat \"$(dirname \"$0\")/answer\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return Files.writeString(directory.resolve("cluster.yaml"), "apiVersion: berth.dev/v1\nkind: Cluster\n"
                    + "metadata: {name: c}\nspec:\n  ssh: {knownHosts: ssh/known_hosts, hostKeyPolicy: " + policy
                    + "}\n  nodes:\n    - {name: node-1, address: 10.0.0.11}\n  provisioner: {command: [./add.sh]}\n");
        }

        Provisioning.Provisioned add(Path inventory, String answer) throws Exception {
            Files.writeString(directory.resolve("answer"), answer);
            Cluster cluster = new InventoryReader().read(inventory);
            return new Provisioning(new ProvisionerProcess(ProvisionerProcess.TIMEOUT), directory::resolve,
                    said::add).addNode(cluster, inventory, List.of(new PendingReplica("ns/web",
                    "0/1 nodes fit: 1 insufficient memory")));
        }

        @Test
        void recordsTheNodeInTheInventoryAndItsKeyInKnownHosts() throws Exception {
            Path inventory = inventory("strict");

            Provisioning.Provisioned added = add(inventory, "name: node-2\naddress: 10.0.0.12\nport: 2222\n"
                    + "hostKey: ssh-ed25519 " + KEY + "\n");

            assertThat(added.node()).isEqualTo("node-2");
            assertThat(added.cluster().spec().nodes()).extracting(Cluster.Node::name)
                    .containsExactly("node-1", "node-2");
            assertThat(Files.readString(inventory)).contains("    - {name: node-1, address: 10.0.0.11}\n"
                    + "    - {\"name\": \"node-2\", \"address\": \"10.0.0.12\", \"port\": 2222}\n");
            assertThat(Files.readString(directory.resolve("ssh/known_hosts")))
                    .isEqualTo("[10.0.0.12]:2222 ssh-ed25519 " + KEY + "\n");
            assertThat(said).containsExactly("no node has room (ns/web: 0/1 nodes fit: 1 insufficient memory); "
                    + "running the provisioner ./add.sh", "provisioner: asked: ns/web: 0/1 nodes fit: 1 insufficient "
                    + "memory");
        }

        @Test
        void withoutAHostKeyUnderStrictItWarnsAndRecordsNoKey() throws Exception {
            Path inventory = inventory("strict");

            add(inventory, "{name: node-2, address: 10.0.0.12}");

            assertThat(directory.resolve("ssh/known_hosts")).doesNotExist();
            assertThat(said).last().asString().startsWith("warning: the provisioner ./add.sh printed no hostKey for "
                    + "node-2 and hostKeyPolicy is strict");
        }

        @Test
        void withoutAHostKeyUnderAcceptNewItSaysNothingMore() throws Exception {
            add(inventory("accept-new"), "{name: node-2, address: 10.0.0.12}");

            assertThat(said).hasSize(2);
        }

        @Test
        void anEntryThatDoesNotValidateLeavesTheInventoryAsItWas() throws Exception {
            Path inventory = inventory("strict");
            String before = Files.readString(inventory);

            assertThatThrownBy(() -> add(inventory, "{name: node-1, address: 10.0.0.12}"))
                    .isInstanceOf(ClusterException.class)
                    .hasMessageContaining("the provisioner ./add.sh printed a node entry berth cannot use: ");
            assertThat(Files.readString(inventory)).isEqualTo(before);
        }

        @Test
        void aFlowListOfNodesIsLeftAloneAndTheEntryShownToAddByHand() throws Exception {
            Path inventory = Files.writeString(inventory("strict"), Files.readString(inventory("strict"))
                    .replace("  nodes:\n    - {name: node-1, address: 10.0.0.11}\n",
                            "  nodes: [{name: node-1, address: 10.0.0.11}]\n"));

            assertThatThrownBy(() -> add(inventory, "{name: node-2, address: 10.0.0.12}"))
                    .isInstanceOf(ClusterException.class)
                    .hasMessageEndingWith("is not a block list berth can extend; add this entry to it by hand, then "
                            + "run berth reconcile: {\"name\": \"node-2\", \"address\": \"10.0.0.12\"}");
        }
    }
}
