package dev.berth.proxy;

import dev.berth.model.Ingress;
import dev.berth.model.Resource;
import dev.berth.model.Secret;
import dev.berth.model.Service;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class EdgeRendererTest {
    static final EdgeSettings SETTINGS = new EdgeSettings(80, 443, EdgeSettings.HASH_PORT, EdgeSettings.DIRECTORY);

    static Stream<String> cases() {
        return EdgeCases.all().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersTheGoldenConfiguration(String name) {
        Golden.assertMatches("edge/" + name + ".conf", EdgeCases.all().get(name).render(SETTINGS).text());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theConfigurationServesItsOwnHash(String name) {
        NginxConfig config = EdgeCases.all().get(name).render(SETTINGS);

        assertThat(config.hash()).hasSize(64).isEqualTo(ConfigHash.of(config.text()));
        assertThat(config.text()).contains(ConfigHash.line(config.hash()))
                .contains("listen 127.0.0.1:" + EdgeSettings.HASH_PORT + ";");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void nginxAcceptsTheConfiguration(String name, @TempDir Path directory) throws Exception {
        NginxAccepts.assumeInstalled();
        EdgeSettings here = new EdgeSettings(80, 443, EdgeSettings.HASH_PORT, directory.toString());

        NginxAccepts.assertAccepted(EdgeCases.all().get(name).render(here), directory);
    }

    @Nested
    class Tls {
        private final NginxConfig config = EdgeCases.all().get("tls").render(SETTINGS);

        @Test
        void certificatesAndKeysAreFilesBesideTheConfigurationReadableByTheirOwnerOnly() {
            assertThat(config.files()).extracting(ConfigFile::path, ConfigFile::mode, ConfigFile::sensitive)
                    .containsExactly(tuple("tls/default.shop-tls.crt", 0600, false),
                            tuple("tls/default.shop-tls.key", 0600, true),
                            tuple("tls/default.web-tls.crt", 0600, false),
                            tuple("tls/default.web-tls.key", 0600, true));
            assertThat(config.files().get(3).content()).isEqualTo(Golden.bytes("tls/rsa.key"));
            assertThat(config.files().get(3).toString()).doesNotContain("PRIVATE");
        }

        @Test
        void noKeyMaterialIsInTheConfigurationText() {
            assertThat(config.text()).doesNotContain("BEGIN", "MII");
        }

        @Test
        void aHostWhoseSecretIsMissingIsServedOverHttpOnlyAndANoteSaysSo() {
            assertThat(config.notes()).containsExactly(
                    "host api.example.com is served over HTTP only: Secret default/missing-tls is not in the desired state");
            assertThat(config.text()).doesNotContain("missing-tls");
        }

        @Test
        void aKeyThatIsNotTheCertificatesServesNoHost() {
            Secret wrong = EdgeCases.tls("web-tls", "tls/rsa.crt", "tls/other-rsa.key");

            NginxConfig rendered = new EdgeCases.Case(EdgeCases.all().get("tls").yaml(), List.of(wrong))
                    .render(SETTINGS);

            assertThat(rendered.files()).isEmpty();
            assertThat(rendered.text()).doesNotContain("ssl_certificate ");
            assertThat(rendered.notes()).contains("host web.example.com is served over HTTP only: Secret "
                    + "default/web-tls tls.key does not belong to the first certificate in tls.crt (their public "
                    + "keys differ)");
        }

        @Test
        void aNewCertificateChangesTheHashThoughTheTextAroundItStaysTheSame() {
            Secret other = EdgeCases.tls("web-tls", "tls/other-rsa.crt", "tls/other-rsa.key");
            NginxConfig renewed = new EdgeCases.Case(EdgeCases.all().get("tls").yaml(),
                    List.of(other, EdgeCases.tls("shop-tls", "tls/chain.crt", "tls/leaf.key"))).render(SETTINGS);

            assertThat(renewed.hash()).isNotEqualTo(config.hash());
        }
    }

    @Nested
    class Routes {
        @Test
        void aBackendThatIsNotThereAnswers503AndANoteSaysWhy() {
            NginxConfig config = EdgeCases.all().get("no-ready-endpoints").render(SETTINGS);

            assertThat(config.notes()).containsExactly(
                    "Service default/gone is not in the desired state: its routes answer 503",
                    "Service default/api has no port 9999: its routes answer 503");
            assertThat(config.text()).doesNotContain("upstream default.down");
        }

        @Test
        void anIngressWithOnlyADefaultBackendServesEveryUnnamedHost() {
            NginxConfig config = new EdgeCases.Case("""
                    apiVersion: networking.k8s.io/v1
                    kind: Ingress
                    metadata: {name: catch-all}
                    spec:
                      defaultBackend: {service: {name: web, port: {number: 80}}}
                    """, List.of()).render(SETTINGS);

            assertThat(config.text()).contains("""
                        server {
                            listen 80 default_server;
                            server_name _;
                            location / { proxy_pass http://default.web.80; }
                        }
                    """);
        }

        @Test
        void theExcerptOfAnIngressHoldsItsServersAndTheirUpstreamsOnly() {
            EdgeCases.Case twoHosts = EdgeCases.all().get("two-hosts-default-backend");
            List<Resource> objects = Replicas.objects(EdgeCases.SERVICES + "---\n" + twoHosts.yaml());
            List<Ingress> ingresses = Replicas.only(objects, Ingress.class);
            Endpoints endpoints = Endpoints.of(Replicas.only(objects, Service.class), EdgeCases.PODS,
                    Replicas.ADDRESSES);

            String excerpt = new EdgeRenderer(SETTINGS).excerpt(ingresses.get(0), ingresses, endpoints, List.of());

            assertThat(excerpt).startsWith("upstream default.api.8000 {").contains("server_name api.example.com;",
                    "server_name web.example.com;").doesNotContain("default_server", "config-hash");
            String servers = excerpt.substring(excerpt.indexOf("server {")).indent(4);
            assertThat(twoHosts.render(SETTINGS).text()).contains(servers.replace("    \n", "\n"));
        }
    }
}
