package dev.berth.manifest;

import dev.berth.model.Cluster;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The inventory's {@code spec.edge}: the nginx of the nodes with role edge. */
class ClusterEdgeTest {
    private static final String CLUSTER = """
            apiVersion: berth.dev/v1
            kind: Cluster
            metadata: {name: prod}
            spec:
              nodes:
                - {name: node-1, address: 10.0.0.11, roles: [edge]}
                - {name: node-2, address: 10.0.0.12}
            """;

    @Test
    void withoutEdgeTheDefaultsAreTheOfficialNginxOnPorts80And443() {
        Cluster cluster = (Cluster) ManifestLoaderTest.only(CLUSTER);

        assertThat(cluster.spec().edge()).isEqualTo(new Cluster.Edge("nginx:1.27", 80, 443));
        assertThat(cluster.spec().nodes()).extracting(Cluster.Node::edge).containsExactly(true, false);
    }

    @Test
    void theImageAndPortsAreTakenAsWrittenAndWhatIsLeftOutDefaults() {
        Cluster cluster = (Cluster) ManifestLoaderTest.only(CLUSTER + "  edge: {image: registry.lab/nginx:1.27, httpPort: 8080}\n");

        assertThat(cluster.spec().edge()).isEqualTo(new Cluster.Edge("registry.lab/nginx:1.27", 8080, 443));
    }

    @Test
    void badValuesAreErrorsWithTheirPlace() {
        ManifestSet set = ManifestLoaderTest.load(CLUSTER
                + "  edge: {image: \"\", httpPort: 70000, httpsPort: 80, tls: yes}\n");

        assertThat(set.errors()).extracting(Problem::line).containsExactly(
                "m.yaml:8:17: spec.edge.image: must be an image reference such as registry.example.com/app:v1, got \"\"",
                "m.yaml:8:31: spec.edge.httpPort: must be 1-65535, got 70000",
                "m.yaml:8:53: spec.edge.tls: unknown field \"tls\"; supported fields here: httpPort, httpsPort, image");
    }

    @Test
    void theTwoPortsMustDiffer() {
        ManifestSet set = ManifestLoaderTest.load(CLUSTER + "  edge: {httpsPort: 80}\n");

        assertThat(set.errors()).extracting(Problem::line)
                .containsExactly("m.yaml:8:21: spec.edge.httpsPort: httpPort and httpsPort must differ, both are 80");
    }
}
