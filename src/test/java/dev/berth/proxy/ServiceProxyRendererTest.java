package dev.berth.proxy;

import dev.berth.model.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.berth.proxy.Replicas.ADDRESSES;
import static dev.berth.proxy.Replicas.pod;
import static org.assertj.core.api.Assertions.assertThat;

class ServiceProxyRendererTest {
    private static final ServiceProxyRenderer RENDERER =
            new ServiceProxyRenderer(ServiceProxyRenderer.STREAM_MODULE);
    private static final String SERVICES = """
            apiVersion: v1
            kind: Service
            metadata: {name: api}
            spec: {selector: {app: api}, ports: [{name: http, port: 80, targetPort: 8000}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: dns}
            spec:
              selector: {app: dns}
              ports: [{name: udp, port: 53, protocol: UDP}, {name: tcp, port: 53}, {name: admin, port: 10254}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: down}
            spec: {selector: {app: down}, ports: [{port: 5432}]}
            """;
    private static final Endpoints ENDPOINTS = Endpoints.of(
            Replicas.only(Replicas.objects(SERVICES), Service.class),
            List.of(pod("node-1", "api", "a", true, "8000=32768"), pod("node-2", "api", "b", true, "8000=32771"),
                    pod("node-3", "api", "c", true, "8000=32790"), pod("node-1", "api", "d", false, "8000=32769"),
                    pod("node-2", "dns", "e", true, "53/udp=31000", "53=31001", "10254=31002"),
                    pod("node-1", "down", "f", false, "5432=32800")),
            ADDRESSES);

    /** Each case: the Service and the node its proxy runs on. */
    static Map<String, String[]> cases() {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("local-first-with-backups", new String[]{"api", "node-1"});
        cases.put("no-local-replica", new String[]{"api", "node-4"});
        cases.put("udp-and-tcp", new String[]{"dns", "node-1"});
        cases.put("no-ready-endpoints", new String[]{"down", "node-1"});
        return cases;
    }

    static Stream<String> names() {
        return cases().keySet().stream();
    }

    private static NginxConfig render(String name) {
        String[] c = cases().get(name);
        return RENDERER.render(ENDPOINTS.find("default", c[0]).orElseThrow(), c[1]);
    }

    @ParameterizedTest
    @MethodSource("names")
    void rendersTheGoldenConfiguration(String name) {
        Golden.assertMatches("service-proxy/" + name + ".conf", render(name).text());
    }

    @ParameterizedTest
    @MethodSource("names")
    void nginxAcceptsTheConfiguration(String name, @TempDir Path directory) throws Exception {
        NginxAccepts.assumeInstalled();

        NginxAccepts.assertAccepted(render(name), directory);
    }

    @Test
    void replicasOnTheProxysNodeComeFirstAndTheOthersAreBackups() {
        String text = render("local-first-with-backups").text();

        assertThat(text).contains("server 10.0.0.11:32768 max_fails=1 fail_timeout=5s;",
                "server 10.0.0.12:32771 max_fails=1 fail_timeout=5s backup;",
                "server 10.0.0.13:32790 max_fails=1 fail_timeout=5s backup;");
        assertThat(text).doesNotContain("32769");
    }

    @Test
    void withoutALocalReplicaEveryReadyReplicaIsPrimary() {
        assertThat(render("no-local-replica").text()).doesNotContain("backup");
    }

    @Test
    void theHashListenerMovesAsideForAServicePort() {
        NginxConfig config = render("udp-and-tcp");

        assertThat(config.hashPort()).isEqualTo(10253);
        assertThat(config.text()).contains("listen 10253;", "listen 10254;", "listen 53 udp;");
        assertThat(config.hash()).isEqualTo(ConfigHash.of(config.text()));
    }

    @Test
    void aServiceWithoutReadyReplicasStillListensAndClosesAtOnce() {
        assertThat(render("no-ready-endpoints").text()).contains("listen 5432;", "return \"\";")
                .doesNotContain("upstream");
    }

    @Test
    void anNginxWithTheStreamModuleBuiltInLoadsNoModule() {
        assertThat(new ServiceProxyRenderer(null).render(ENDPOINTS.find("default", "api").orElseThrow(), "node-1")
                .text()).doesNotContain("load_module").contains("stream {");
    }
}
