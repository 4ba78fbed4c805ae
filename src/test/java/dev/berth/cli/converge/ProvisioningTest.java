package dev.berth.cli.converge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.berth.plan.PendingReplica;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisioningTest {

    @Test
    void theEntryIsWrittenAsOneFlowMappingWithEveryStringQuoted() throws Exception {
        var entry = new ObjectMapper(new YAMLFactory()).readTree("name: node-4\naddress: 10.0.0.14\nport: 2222\n"
                + "labels: {zone: \"a: b\"}\nroles: [edge]\ncapacity: {cpu: 2, memory: 8Gi}\n");
        assertThat(Provisioning.flow(entry)).isEqualTo("{\"name\": \"node-4\", \"address\": \"10.0.0.14\", "
                + "\"port\": 2222, \"labels\": {\"zone\": \"a: b\"}, \"roles\": [\"edge\"], "
                + "\"capacity\": {\"cpu\": 2, \"memory\": \"8Gi\"}}");
    }

    @Test
    void onlyLackOfRoomCallsForANewServer() {
        assertThat(new PendingReplica("d/web", "0/3 nodes fit: 2 insufficient memory, 1 cordoned").lacksRoom())
                .isTrue();
        assertThat(new PendingReplica("d/web", "0/2 nodes fit: 1 insufficient cpu, 1 node selector mismatch")
                .lacksRoom()).isTrue();
        assertThat(new PendingReplica("d/web", "0/3 nodes fit: 3 node selector mismatch").lacksRoom()).isFalse();
        assertThat(new PendingReplica("d/web", "configmap \"web-config\" not found").lacksRoom()).isFalse();
    }
}
