package dev.berth.docker;

import dev.berth.model.ContainerUsage;
import dev.berth.model.EngineFacts;
import dev.berth.model.ObservedContainer;
import dev.berth.model.PublishedPort;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fixtures were captured from a real Docker engine 20.10. */
class DockerOutputTest {

    @Nested
    class Containers {
        private final List<ObservedContainer> containers = DockerOutput.containers(fixture("inspect-two-containers.json"));

        @Test
        void readsARunningHealthyContainerWithItsLabelsAndPorts() {
            ObservedContainer web = containers.get(0);
            assertThat(web.id()).isEqualTo("85686b0c06cd6fd2fee4f8347851f3c96a21bc791fd6cbfd2dc8fbef137b2d1e");
            assertThat(web.name()).isEqualTo("web-1");
            assertThat(web.image()).isEqualTo("berth-hello:v1");
            assertThat(web.running()).isTrue();
            assertThat(web.health()).isEqualTo("healthy");
            assertThat(web.managedByBerth()).isTrue();
            assertThat(web.labels()).containsEntry("berth.dev/deployment", "web")
                    .containsEntry("odd", "a,b=c");
            assertThat(web.ports()).containsExactly(new PublishedPort("127.0.0.1", 18080, 8080, "tcp"));
            assertThat(web.networkAddresses()).isEqualTo(Map.of("bridge", "172.17.0.2"));
            assertThat(web.startedAt()).isEqualTo(Instant.parse("2026-11-26T06:28:34.319399118Z"));
            assertThat(web.finishedAt()).as("a container that never stopped has no finish time").isNull();
        }

        @Test
        void readsAnExitedContainerWithoutHealthCheck() {
            ObservedContainer done = containers.get(1);
            assertThat(done.status()).isEqualTo("exited");
            assertThat(done.running()).isFalse();
            assertThat(done.exitCode()).isEqualTo(3);
            assertThat(done.health()).isNull();
            assertThat(done.ports()).isEmpty();
            assertThat(done.networkAddresses()).isEmpty();
            assertThat(done.finishedAt()).isEqualTo(Instant.parse("2026-11-26T06:28:34.504562462Z"));
        }

        @Test
        void emptyArrayMeansNoContainers() {
            assertThat(DockerOutput.containers("[]")).isEmpty();
        }

        @Test
        void garbageIsReportedWithWhatWasRead() {
            assertThatThrownBy(() -> DockerOutput.containers("Error: No such object: abc"))
                    .isInstanceOf(MalformedOutputException.class)
                    .hasMessageStartingWith("cannot read containers from docker: \"Error: No such object: abc\"");
            assertThatThrownBy(() -> DockerOutput.containers("{\"Id\":1}"))
                    .isInstanceOf(MalformedOutputException.class);
        }
    }

    @Nested
    class Engine {
        @Test
        void readsCapacityAndVersion() {
            EngineFacts facts = DockerOutput.engineFacts(fixture("info.json"));
            assertThat(facts.hostname()).isEqualTo("vm");
            assertThat(facts.cpus()).isEqualTo(2);
            assertThat(facts.memoryBytes()).isEqualTo(25276502016L);
            assertThat(facts.engineVersion()).isEqualTo("20.10.24+dfsg1");
            assertThat(facts.operatingSystem()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        }

        @Test
        void refusesAnObjectThatIsNotEngineInfo() {
            assertThatThrownBy(() -> DockerOutput.engineFacts("{}")).isInstanceOf(MalformedOutputException.class);
        }
    }

    @Nested
    class Usage {
        @Test
        void readsCpuAndMemoryOfEachLine() {
            List<ContainerUsage> usage = DockerOutput.usage(fixture("stats.jsonl"));
            assertThat(usage).hasSize(1);
            ContainerUsage web = usage.get(0);
            assertThat(web.name()).isEqualTo("web-1");
            assertThat(web.cpuPercent()).isEqualTo(1.18);
            assertThat(web.memoryBytes()).isEqualTo(584L * 1024);
            assertThat(web.memoryLimitBytes()).isEqualTo(Math.round(23.54 * (1L << 30)));
            assertThat(web.pids()).isEqualTo(2);
        }

        @Test
        void blankOutputMeansNoContainers() {
            assertThat(DockerOutput.usage("\n")).isEmpty();
        }

        @Test
        void anUnreadableSizeIsReported() {
            assertThatThrownBy(() -> DockerOutput.usage("{\"MemUsage\":\"lots / 1GiB\"}"))
                    .isInstanceOf(MalformedOutputException.class).hasMessageContaining("not a size");
        }
    }

    @Nested
    class Sizes {
        @Test
        void binaryAndDecimalUnits() {
            assertThat(ByteSize.parse("0B")).isZero();
            assertThat(ByteSize.parse("736KiB")).isEqualTo(736 * 1024);
            assertThat(ByteSize.parse("1.5MB")).isEqualTo(1_500_000);
            assertThat(ByteSize.parse(" 2GiB ")).isEqualTo(2L << 30);
            assertThat(ByteSize.parse("512")).isEqualTo(512);
        }
    }

    static String fixture(String name) {
        try (InputStream in = DockerOutputTest.class.getResourceAsStream("/docker/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
