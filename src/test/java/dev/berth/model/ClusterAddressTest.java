package dev.berth.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a node's container ports are published: {@link Cluster.Node#clusterAddress(String)}. */
class ClusterAddressTest {

    private static Cluster.Node node(String address, String privateAddress) {
        return new Cluster.Node("node-1", address, null, null, Map.of(), List.of(), null, privateAddress);
    }

    @Test
    void isThePrivateAddressWhenTheInventoryNamesOne() {
        assertThat(node("203.0.113.10", "10.0.0.11").clusterAddress("10.0.0.99")).isEqualTo("10.0.0.11");
    }

    @Test
    void isTheInventoryAddressWhenItIsAnIpAddress() {
        assertThat(node("10.0.0.11", null).clusterAddress("10.0.0.99")).isEqualTo("10.0.0.11");
        assertThat(node("fd00::11", null).clusterAddress(null)).isEqualTo("fd00::11");
    }

    @Test
    void isTheAddressSshdWasReachedAtForAHostName() {
        assertThat(node("app-1.example.com", null).clusterAddress("10.0.0.21")).isEqualTo("10.0.0.21");
        assertThat(node("app-1.example.com", null).clusterAddress(null)).isNull();
    }

    @Test
    void tellsIpAddressesFromHostNames() {
        assertThat(List.of("10.0.0.1", "255.255.255.255", "::1", "fd00::11", "2001:db8:0:0:0:0:0:1", "::"))
                .allMatch(IpLiteral::is);
        assertThat(List.of("node-1", "10.0.0", "10.0.0.256", "1:2:3:4:5:6:7:8:9", "1::2::3", "example.com", ""))
                .noneMatch(IpLiteral::is);
    }
}
