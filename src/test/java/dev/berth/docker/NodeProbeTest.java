package dev.berth.docker;

import dev.berth.model.NodeSnapshot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static dev.berth.docker.DockerOutputTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeProbeTest {

    @Test
    void isOneFixedShellScript() {
        assertThat(NodeProbe.command()).hasSize(3).startsWith("sh", "-c");
        assertThat(NodeProbe.command().get(2))
                .contains("docker info --format '{{json .}}'")
                .contains("--filter label=berth.dev/managed=true");
    }

    static String output(String inspect, String home, String volumes) {
        return fixture("info.json") + NodeProbe.SEPARATOR + "\n" + inspect + NodeProbe.HOME + "\n" + home + "\n"
                + NodeProbe.VOLUMES + "\n" + volumes;
    }

    @Test
    void readsEngineContainersHomeAndVolumesFromOneOutput() {
        NodeSnapshot snapshot = NodeProbe.parse(output(fixture("inspect-two-containers.json"), "/home/deploy",
                "berth_default_data\nberth_default_web-abc_cache\n"));
        assertThat(snapshot.engine().cpus()).isEqualTo(2);
        assertThat(snapshot.containers()).extracting("name").containsExactly("web-1", "done");
        assertThat(snapshot.homeDirectory()).isEqualTo("/home/deploy");
        assertThat(snapshot.volumes()).containsExactly("berth_default_data", "berth_default_web-abc_cache");
    }

    @Test
    void readsTheServersOwnAddressAndTheProxyConfigurationsBerthLoaded() {
        NodeSnapshot snapshot = NodeProbe.parse(output("[]\n", "/home/deploy", "berth_data\n")
                + NodeProbe.CONNECTION + "\n198.51.100.7 50122 10.0.0.12 22\n"
                + NodeProbe.PROXIES + "\nberth-edge 1764660000 3f2a9c1d\nbroken line\n");
        assertThat(snapshot.volumes()).containsExactly("berth_data");
        assertThat(snapshot.serverAddress()).isEqualTo("10.0.0.12");
        assertThat(snapshot.proxies()).containsExactly(new NodeSnapshot.LoadedConfig("berth-edge", "3f2a9c1d",
                java.time.Instant.ofEpochSecond(1764660000L)));
    }

    @Test
    void withoutAnSshConnectionTheServersAddressIsUnknown() {
        NodeSnapshot snapshot = NodeProbe.parse(output("[]\n", "/root", "") + NodeProbe.CONNECTION + "\n\n"
                + NodeProbe.PROXIES + "\n");
        assertThat(snapshot.serverAddress()).isNull();
        assertThat(snapshot.proxies()).isEmpty();
    }

    @Test
    void readsTheReplicasDirectoriesOfFiles() {
        NodeSnapshot snapshot = NodeProbe.parse(output("[]\n", "/home/deploy", "") + NodeProbe.CONNECTION + "\n\n"
                + NodeProbe.PROXIES + "\nberth-edge 1764660000 3f2a9c1d\n" + NodeProbe.PODS
                + "\nshop/api-5d8c7f9b2a-x7k2p\ndefault/web-1\nnot a pod directory\n");
        assertThat(snapshot.podDirectories()).containsExactly("default/web-1", "shop/api-5d8c7f9b2a-x7k2p");
        assertThat(snapshot.proxies()).hasSize(1);
        assertThat(NodeProbe.command().get(2)).contains("/.berth/pods", "for d in */*");
    }

    @Test
    void aNodeWithoutBerthContainersOrVolumes() {
        NodeSnapshot snapshot = NodeProbe.parse(output("[]\n", "/root", ""));
        assertThat(snapshot.containers()).isEmpty();
        assertThat(snapshot.volumes()).isEmpty();
    }

    @Test
    void volumesOfOthersThatMatchTheNameFilterAreDropped() {
        assertThat(NodeProbe.parse(output("[]\n", "/root", "myberth_x\nberth_ns_claim\n")).volumes())
                .containsExactly("berth_ns_claim");
    }

    @Test
    void aRelativeHomeIsMalformed() {
        assertThatThrownBy(() -> NodeProbe.parse(output("[]\n", "", "")))
                .isInstanceOf(MalformedOutputException.class).hasMessageContaining("home directory");
    }

    @Test
    void outputWithoutSeparatorIsMalformed() {
        assertThatThrownBy(() -> NodeProbe.parse("permission denied while trying to connect"))
                .isInstanceOf(MalformedOutputException.class)
                .hasMessageContaining("node snapshot");
    }

    @Test
    void theScriptRunsAgainstARealEngine() throws IOException, InterruptedException {
        Process sh = new ProcessBuilder(NodeProbe.command()).redirectErrorStream(false).start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (sh.waitFor() != 0) {
            org.junit.jupiter.api.Assumptions.abort("no local Docker engine answers");
        }
        assertThat(NodeProbe.parse(out).engine().engineVersion()).isNotEmpty();
    }
}
