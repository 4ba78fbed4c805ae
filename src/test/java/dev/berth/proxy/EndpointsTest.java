package dev.berth.proxy;

import dev.berth.model.BerthLabels;
import dev.berth.model.ObservedPod;
import dev.berth.model.Resource;
import dev.berth.model.Service;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.proxy.Replicas.ADDRESSES;
import static dev.berth.proxy.Replicas.pod;
import static org.assertj.core.api.Assertions.assertThat;

class EndpointsTest {
    private static final String WEB = """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports:
                - {name: http, port: 80, targetPort: 8080}
                - {name: metrics, port: 9090, targetPort: metrics}
            """;

    private static List<Service> services(String yaml) {
        List<Resource> objects = Replicas.objects(yaml);
        return Replicas.only(objects, Service.class);
    }

    private static PortEndpoints port(Endpoints endpoints, String service, int port) {
        return endpoints.find("default", service).orElseThrow().ports().stream()
                .filter(p -> p.port() == port).findFirst().orElseThrow();
    }

    @Nested
    class Selection {
        @Test
        void aServiceSelectsTheReplicasOfItsNamespaceWhoseLabelsMatch() {
            List<ObservedPod> pods = List.of(pod("node-2", "web", "b", true, "8080=32771"),
                    pod("node-1", "web", "a", true, "8080=32768"),
                    pod("node-1", "api", "c", true, "8080=32769"),
                    pod("other", "node-1", "web", "d", true, Map.of(), "8080=32770"));

            Endpoints endpoints = Endpoints.of(services(WEB), pods, ADDRESSES);

            assertThat(port(endpoints, "web", 80).addresses()).containsExactly(
                    new EndpointAddress("node-1", "10.0.0.11", 32768, "web-5d8c7f9b2a-a", true),
                    new EndpointAddress("node-2", "10.0.0.12", 32771, "web-5d8c7f9b2a-b", true));
        }

        @Test
        void notReadyReplicasAreListedButNotServed() {
            Endpoints endpoints = Endpoints.of(services(WEB), List.of(pod("node-1", "web", "a", false, "8080=32768"),
                    pod("node-2", "web", "b", true, "8080=32771")), ADDRESSES);

            PortEndpoints http = port(endpoints, "web", 80);
            assertThat(http.addresses()).extracting(EndpointAddress::ready).containsExactly(false, true);
            assertThat(http.ready()).extracting(EndpointAddress::pod).containsExactly("web-5d8c7f9b2a-b");
        }

        @Test
        void aServiceWithoutSelectorHasNoEndpoints() {
            Endpoints endpoints = Endpoints.of(services("""
                    apiVersion: v1
                    kind: Service
                    metadata: {name: web}
                    spec:
                      ports: [{port: 80}]
                    """), List.of(pod("node-1", "web", "a", true, "80=32768")), ADDRESSES);

            assertThat(port(endpoints, "web", 80).addresses()).isEmpty();
        }

        @Test
        void berthsOwnContainersAreNoEndpoints() {
            ObservedPod proxy = new ObservedPod("default", "berth-svc.default.web", null, "node-1",
                    pod("node-1", "web", "a", true, "8080=32768").containers());

            assertThat(port(Endpoints.of(services(WEB), List.of(proxy), ADDRESSES), "web", 80).addresses()).isEmpty();
        }
    }

    @Nested
    class TargetPorts {
        @Test
        void aNumberNamesTheContainerPortAndItsPublishedHostPortIsTheEndpoint() {
            Endpoints endpoints = Endpoints.of(services(WEB),
                    List.of(pod("node-1", "web", "a", true, "9090=32000", "8080=32768")), ADDRESSES);

            assertThat(port(endpoints, "web", 80).addresses()).extracting(EndpointAddress::hostPort)
                    .containsExactly("10.0.0.11:32768");
        }

        @Test
        void aNameResolvesThroughTheReplicasPortsLabel() {
            ObservedPod pod = pod("default", "node-1", "web", "a", true,
                    Map.of(BerthLabels.PORTS, "http=8080/TCP,metrics=9100/TCP"), "8080=32768", "9100=32999");

            Endpoints endpoints = Endpoints.of(services(WEB), List.of(pod), ADDRESSES);

            assertThat(port(endpoints, "web", 9090).addresses()).extracting(EndpointAddress::hostPort)
                    .containsExactly("10.0.0.11:32999");
        }

        @Test
        void aReplicaWithoutTheNamedPortIsNoEndpointOfIt() {
            Endpoints endpoints = Endpoints.of(services(WEB),
                    List.of(pod("node-1", "web", "a", true, "8080=32768")), ADDRESSES);

            assertThat(port(endpoints, "web", 9090).addresses()).isEmpty();
            assertThat(port(endpoints, "web", 80).addresses()).hasSize(1);
        }

        @Test
        void withoutTargetPortTheServicePortIsTheContainerPort() {
            Endpoints endpoints = Endpoints.of(services("""
                    apiVersion: v1
                    kind: Service
                    metadata: {name: dns}
                    spec:
                      selector: {app: dns}
                      ports: [{name: udp, port: 53, protocol: UDP}, {name: tcp, port: 53}]
                    """), List.of(pod("node-3", "dns", "a", true, "53/udp=31000", "53=31001")), ADDRESSES);

            List<PortEndpoints> ports = endpoints.find("default", "dns").orElseThrow().ports();
            assertThat(ports).extracting(PortEndpoints::protocol).containsExactly("UDP", "TCP");
            assertThat(ports.get(0).addresses()).extracting(EndpointAddress::port).containsExactly(31000);
            assertThat(ports.get(1).addresses()).extracting(EndpointAddress::port).containsExactly(31001);
        }

        @Test
        void aPortPublishedOnEveryAddressIsReachedAtTheNodesClusterAddress() {
            ObservedPod pod = pod("node-2", "web", "a", true);
            ObservedPod everywhere = new ObservedPod(pod.namespace(), pod.name(), pod.deployment(), pod.node(),
                    List.of(new dev.berth.model.ObservedContainer("id", "c", "app:v1", pod.containers().get(0).labels(),
                            "running", 0, false, null, 0, null, null, null, Map.of(),
                            List.of(new dev.berth.model.PublishedPort("0.0.0.0", 32768, 8080, "tcp")))));

            assertThat(port(Endpoints.of(services(WEB), List.of(everywhere), ADDRESSES), "web", 80).addresses())
                    .extracting(EndpointAddress::hostPort).containsExactly("10.0.0.12:32768");
        }
    }

    @Test
    void servicesComeByNamespaceThenName() {
        Endpoints endpoints = Endpoints.of(services(WEB + """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: api, namespace: shop}
                spec: {selector: {app: api}, ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: api}
                spec: {selector: {app: api}, ports: [{port: 80}]}
                """), List.of(), ADDRESSES);

        assertThat(endpoints.services()).extracting(s -> s.namespace() + "/" + s.name())
                .containsExactly("default/api", "default/web", "shop/api");
        assertThat(endpoints.find("shop", "web")).isEmpty();
    }
}
