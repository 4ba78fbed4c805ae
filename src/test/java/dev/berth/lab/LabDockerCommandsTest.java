package dev.berth.lab;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabDockerCommandsTest {
    private static final LabName LAB = new LabName("lab");
    private static final Subnet SUBNET = new Subnet("172.20.0.0/16", "172.20.0.1");

    private static String line(List<String> argv) {
        return String.join(" ", argv);
    }

    @Nested
    class Network {
        @Test
        void aProbeNetworkLetsDockerPickTheSubnet() {
            assertThat(line(LabDockerCommands.createNetwork(LAB)))
                    .isEqualTo("docker network create --driver bridge --label dev.berth.lab=lab berth-lab");
        }

        @Test
        void theLabNetworkPinsThatSubnetSoNodesCanHaveFixedAddresses() {
            assertThat(line(LabDockerCommands.createNetwork(LAB, SUBNET))).isEqualTo(
                    "docker network create --driver bridge --subnet 172.20.0.0/16 --gateway 172.20.0.1"
                            + " --label dev.berth.lab=lab berth-lab");
        }

        @Test
        void inspectionPrintsOneSubnetAndGatewayPerLine() {
            assertThat(LabDockerCommands.inspectNetwork(LAB)).containsExactly("docker", "network", "inspect",
                    "--format", "{{range .IPAM.Config}}{{println .Subnet .Gateway}}{{end}}", "berth-lab");
        }
    }

    @Nested
    class Registry {
        @Test
        void runsOnTheLabNetworkUnderTheAliasNodesUseAndOnLoopbackForPushing() {
            assertThat(line(LabDockerCommands.runRegistry(LAB, SUBNET, 5000))).isEqualTo(
                    "docker run -d --name berth-lab-registry --label dev.berth.lab=lab --label dev.berth.lab.role=registry"
                            + " --network berth-lab --ip 172.20.0.2 --network-alias berth-registry"
                            + " -p 127.0.0.1:5000:5000 -v berth-lab-registry-data:/var/lib/registry berth-lab-registry:1");
        }

        @Test
        void portZeroLetsDockerPickAFreePort() {
            assertThat(LabDockerCommands.runRegistry(new LabName("it"), SUBNET, 0)).contains("127.0.0.1::5000");
        }
    }

    @Nested
    class Nodes {
        private final LabNodeSpec node2 = LabNodeSpec.of(2, SUBNET);

        @Test
        void aPrivilegedNodeCarriesItsLabelsAddressKeyAndRegistry() {
            assertThat(line(LabDockerCommands.runNode(LAB, node2, NodeMode.PRIVILEGED, "ssh-ed25519 AAAA k", "0123")))
                    .isEqualTo("docker run -d --name berth-lab-node-2 --hostname node-2"
                            + " --label dev.berth.lab=lab --label dev.berth.lab.role=node --label dev.berth.lab.node=node-2"
                            + " --label dev.berth.lab.address=172.20.0.12 --label dev.berth.lab.roles="
                            + " --label dev.berth.lab.key=0123 --network berth-lab --ip 172.20.0.12 --privileged"
                            + " --cgroupns private -e BERTH_LAB_AUTHORIZED_KEYS=ssh-ed25519 AAAA k"
                            + " -e BERTH_LAB_REGISTRY=berth-registry:5000 berth-lab-node:1");
        }

        @Test
        void withoutPrivilegedModeANodeGetsEveryCapabilityButSysResourceAndNoConfinement() {
            List<String> argv = LabDockerCommands.runNode(LAB, node2, NodeMode.CAPABILITIES, "k", "0123");
            assertThat(line(argv)).contains("--ip 172.20.0.12 --cap-add ALL --cap-drop SYS_RESOURCE"
                    + " --security-opt seccomp=unconfined --security-opt apparmor=unconfined"
                    + " --security-opt systempaths=unconfined --device-cgroup-rule a *:* rwm --cgroupns private");
            assertThat(argv).contains("a *:* rwm").doesNotContain("--privileged");
        }

        @Test
        void nodeOneIsTheEdge() {
            assertThat(LabDockerCommands.runNode(LAB, LabNodeSpec.of(1, SUBNET), NodeMode.PRIVILEGED, "k", "0"))
                    .contains("dev.berth.lab.roles=edge");
        }

        @Test
        void theHostKeysAreReadThroughDockerNotTheNetwork() {
            assertThat(line(LabDockerCommands.readHostKeys("berth-lab-node-1")))
                    .isEqualTo("docker exec berth-lab-node-1 cat /etc/ssh/ssh_host_ed25519_key.pub"
                            + " /etc/ssh/ssh_host_ecdsa_key.pub /etc/ssh/ssh_host_rsa_key.pub");
        }

        @Test
        void stopGivesTheNodeTimeToStopItsContainers() {
            assertThat(line(LabDockerCommands.stop("berth-lab-node-2"))).isEqualTo("docker stop -t 30 berth-lab-node-2");
        }

        @Test
        void removalTakesTheNodesEngineStorageWithIt() {
            assertThat(line(LabDockerCommands.remove(List.of("a", "b")))).isEqualTo("docker rm -f -v a b");
        }

        @Test
        void containersAreListedByTheLabsLabel() {
            assertThat(line(LabDockerCommands.listContainers(LAB))).isEqualTo(
                    "docker ps -a --filter label=dev.berth.lab=lab --format {{.Names}}\t{{.State}}\t{{.Image}}"
                            + "\t{{.Label \"dev.berth.lab.role\"}}\t{{.Label \"dev.berth.lab.node\"}}"
                            + "\t{{.Label \"dev.berth.lab.address\"}}\t{{.Label \"dev.berth.lab.roles\"}}"
                            + "\t{{.Label \"dev.berth.lab.key\"}}");
        }
    }

    @Nested
    class Partition {
        @Test
        void dropsEveryPacketOnTheLabInterfaceBothWaysInsideTheNode() {
            assertThat(LabDockerCommands.partitionRules("berth-lab-node-3", "-I").stream().map(LabDockerCommandsTest::line))
                    .containsExactly(
                            "docker exec berth-lab-node-3 iptables -t raw -I PREROUTING -i eth0 -j DROP",
                            "docker exec berth-lab-node-3 iptables -t mangle -I POSTROUTING -o eth0 -j DROP");
        }

        @Test
        void healingDeletesTheSameRules() {
            assertThat(LabDockerCommands.partitionRules("n", "-D").stream().map(LabDockerCommandsTest::line))
                    .containsExactly("docker exec n iptables -t raw -D PREROUTING -i eth0 -j DROP",
                            "docker exec n iptables -t mangle -D POSTROUTING -o eth0 -j DROP");
        }

        @Test
        void refusesAnyOtherOperation() {
            assertThatThrownBy(() -> LabDockerCommands.partitionRules("n", "-F"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theEngineProbeAsksForTheServerVersion() {
        assertThat(line(LabDockerCommands.engineVersion())).isEqualTo("docker version --format {{.Server.Version}}");
    }

    @Test
    void thePrivilegedProbeRunsNothingOnNoNetwork() {
        assertThat(line(LabDockerCommands.privilegedProbe()))
                .isEqualTo("docker run --rm --privileged --network none --entrypoint /bin/true berth-lab-node:1");
    }
}
