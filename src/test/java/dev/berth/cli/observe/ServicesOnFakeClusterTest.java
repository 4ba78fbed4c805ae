package dev.berth.cli.observe;

import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact output of get and describe for Services, Ingresses and endpoints on {@link FakeClusterCli}, with
 * examples/hello applied: two ready replicas behind Service hello, whose targetPort names the container port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServicesOnFakeClusterTest {
    private FakeClusterCli fake;

    @BeforeAll
    void helloRuns(@TempDir Path directory) throws IOException {
        fake = new FakeClusterCli(directory);
        CliRunner.Result apply = fake.berth("apply", "-f", "examples/hello/");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        fake.clock().advance(Duration.ofSeconds(150));
    }

    private String ok(String... args) {
        CliRunner.Result result = fake.berth(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).isEmpty();
        return result.out();
    }

    @Nested
    class Get {
        @Test
        void servicesShowKubectlsColumnsWithNoVirtualIp() {
            assertThat(ok("get", "svc")).isEqualTo("""
                    NAME    TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
                    hello   ClusterIP   <none>       <none>        80/TCP    <unknown>
                    """);
            assertThat(ok("get", "services", "-o", "wide")).contains("SELECTOR", "app=hello");
        }

        @Test
        void servicesAsYamlAreTheStoredObjectsThatApplyTakesBack() {
            assertThat(ok("get", "service", "hello", "-o", "yaml")).isEqualTo("""
                    apiVersion: v1
                    kind: Service
                    metadata:
                      name: hello
                      namespace: default
                    spec:
                      type: ClusterIP
                      selector:
                        app: hello
                      ports:
                      - name: http
                        protocol: TCP
                        port: 80
                        targetPort: http
                    """);
            assertThat(ok("get", "svc", "-o", "name")).isEqualTo("service/hello\n");
        }

        @Test
        void ingressesShowTheirHostsAndTheEdgeAddress() {
            assertThat(ok("get", "ing")).isEqualTo("""
                    NAME    CLASS    HOSTS       ADDRESS     PORTS   AGE
                    hello   <none>   hello.lab   10.0.0.11   80      <unknown>
                    """);
            assertThat(ok("get", "ingress.networking.k8s.io", "-o", "name"))
                    .isEqualTo("ingress.networking.k8s.io/hello\n");
        }

        @Test
        void endpointsAreTheReadyReplicasAtTheirNodesAddressAndPublishedPort() {
            assertThat(ok("get", "ep")).isEqualTo("""
                    NAME    ENDPOINTS                         AGE
                    hello   10.0.0.11:32768,10.0.0.12:32768   <unknown>
                    """);
            assertThat(ok("get", "endpoints", "-o", "wide")).isEqualTo("""
                    NAME    ENDPOINTS                         AGE         BACKENDS
                    hello   10.0.0.11:32768,10.0.0.12:32768   <unknown>   \
                    node-1/10.0.0.11:32768/ready,node-2/10.0.0.12:32768/ready
                    """);
        }

        @Test
        void endpointsAsYamlAreKubernetesEndpointsWithOneSubsetPerReplica() {
            assertThat(ok("get", "ep", "hello", "-o", "yaml")).startsWith("""
                    apiVersion: v1
                    kind: Endpoints
                    metadata:
                      name: hello
                      namespace: default
                    subsets:
                    - addresses:
                      - ip: 10.0.0.11
                        nodeName: node-1
                        targetRef:
                          kind: Pod
                          namespace: default
                          name: hello-2bbc5fece9-ckc87
                      ports:
                      - name: http
                        port: 32768
                        protocol: TCP
                    - addresses:
                    """);
        }

        @Test
        void anotherNamespaceHasNone() {
            CliRunner.Result result = fake.berth("get", "svc", "-n", "other");
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).isEqualTo("No resources found in other namespace.\n");
        }

        @Test
        void anUnknownServiceIsAnError() {
            CliRunner.Result result = fake.berth("get", "svc", "nope");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("service nope not found");
        }
    }

    @Nested
    class Describe {
        @Test
        void aServiceShowsItsNamesPortsAndEveryEndpointWithItsReadiness() {
            assertThat(ok("describe", "svc", "hello")).isEqualTo("""
                    Name:      hello
                    Namespace: default
                    Labels:    <none>
                    Selector:  app=hello
                    Type:      ClusterIP
                    Called as: hello, hello.default, hello.default.svc, hello.default.svc.cluster.local
                    Age:       <unknown>
                    Ports and endpoints:
                      http  80/TCP -> http
                        10.0.0.11:32768  node-1  hello-2bbc5fece9-ckc87  ready
                        10.0.0.12:32768  node-2  hello-2bbc5fece9-stl2j  ready
                    """);
        }

        @Test
        void anIngressShowsItsRulesAndTheNginxThatServesThem() {
            assertThat(ok("describe", "ingress", "hello")).isEqualTo("""
                    Name:            hello
                    Namespace:       default
                    Class:           <none>
                    Address:         10.0.0.11
                    Default backend: <none>
                    TLS:
                      <none>
                    Rules:
                      hello.lab
                        / (Prefix)  hello:http
                    Nginx:
                      upstream default.hello.80 {
                          server 10.0.0.11:32768 max_fails=1 fail_timeout=5s;  # node-1 hello-2bbc5fece9-ckc87
                          server 10.0.0.12:32768 max_fails=1 fail_timeout=5s;  # node-2 hello-2bbc5fece9-stl2j
                          keepalive 32;
                          keepalive_timeout 60s;
                      }

                      server {
                          listen 80;
                          server_name hello.lab;
                          location / { proxy_pass http://default.hello.80; }
                      }
                    """);
        }

        @Test
        void endpointsAreShownByDescribeService() {
            CliRunner.Result result = fake.berth("describe", "ep", "hello");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("describe shows nodes or deployments or pods or services or ingresses");
        }
    }
}
