package dev.berth.lab;

import dev.berth.error.ClusterException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubnetTest {

    @Nested
    class Addresses {
        @Test
        void nodesStartAtHostElevenAndTheRegistryIsHostTwo() {
            Subnet subnet = new Subnet("172.20.0.0/16", "172.20.0.1");
            assertThat(subnet.nodeAddress(1)).isEqualTo("172.20.0.11");
            assertThat(subnet.nodeAddress(3)).isEqualTo("172.20.0.13");
            assertThat(subnet.registryAddress()).isEqualTo("172.20.0.2");
        }

        @Test
        void workInASubnetThatDoesNotStartOnAnOctetBoundary() {
            Subnet subnet = new Subnet("192.168.16.0/20", "192.168.16.1");
            assertThat(subnet.nodeAddress(1)).isEqualTo("192.168.16.11");
            assertThat(subnet.nodeAddress(50)).isEqualTo("192.168.16.60");
        }

        @Test
        void ignoreHostBitsWrittenInTheBase() {
            assertThat(new Subnet("10.1.2.3/24", "10.1.2.1").nodeAddress(2)).isEqualTo("10.1.2.12");
        }

        @Test
        void stopWhereA24EndsSoTheBroadcastAddressIsNeverUsed() {
            Subnet subnet = new Subnet("10.0.0.0/24", "10.0.0.1");
            assertThat(subnet.nodeAddress(Subnet.maxNodes())).isEqualTo("10.0.0.254");
            assertThatThrownBy(() -> subnet.nodeAddress(Subnet.maxNodes() + 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> subnet.nodeAddress(0)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void theLabsLargestNodeCountFitsEverySubnet() {
            assertThat(LabControl.MAX_NODES).isLessThanOrEqualTo(Subnet.maxNodes());
        }
    }

    @Nested
    class FromDockerNetworkInspect {
        @Test
        void takesTheIpv4LineAndSkipsIpv6() {
            Subnet subnet = Subnet.fromInspect("fd00:dead::/64 fd00:dead::1\n172.21.0.0/16 172.21.0.1\n\n");
            assertThat(subnet).isEqualTo(new Subnet("172.21.0.0/16", "172.21.0.1"));
        }

        @Test
        void failsClearlyWithoutAnIpv4Subnet() {
            assertThatThrownBy(() -> Subnet.fromInspect("\n"))
                    .isInstanceOf(ClusterException.class)
                    .hasMessageStartingWith("the lab network has no IPv4 subnet");
        }
    }

    @Nested
    class Refuses {
        @Test
        void aSubnetTooSmallForTheNumbering() {
            assertThatThrownBy(() -> new Subnet("10.0.0.0/28", "10.0.0.1"))
                    .isInstanceOf(ClusterException.class)
                    .hasMessage("lab network subnet 10.0.0.0/28 is not usable: need a prefix between /8 and /24");
        }

        @Test
        void somethingThatIsNoAddress() {
            assertThatThrownBy(() -> new Subnet("10.0.300.0/24", "x")).isInstanceOf(ClusterException.class)
                    .hasMessage("\"10.0.300.0\" is not an IPv4 address");
            assertThatThrownBy(() -> new Subnet("10.0.0.0", "x")).isInstanceOf(ClusterException.class)
                    .hasMessage("lab network subnet \"10.0.0.0\" is not in CIDR form");
        }
    }
}
