package dev.berth.manifest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A Service port that reaches no declared container port of the Deployments it selects is a warning. */
class TargetPortsTest {
    private static final String WEB = ManifestLoaderTest.deployment("web:1", """
            ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]""");

    private static ManifestSet load(String ports) {
        return ManifestLoaderTest.load(WEB + """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  selector: {app: web}
                  ports:
                """ + ports.indent(4));
    }

    @Test
    void portsDeclaredByNumberOrNameAreFine() {
        ManifestSet set = load("""
                - {name: a, port: 80, targetPort: 8080}
                - {name: b, port: 81, targetPort: http}
                - {name: c, port: 53, protocol: UDP}""");

        assertThat(set.problems()).isEmpty();
    }

    @Test
    void anUndeclaredPortIsAWarningAtTheFieldThatNamesIt() {
        ManifestSet set = load("""
                - {name: a, port: 80, targetPort: 9090}
                - {name: b, port: 81, targetPort: metrics}
                - {name: c, port: 8080}
                - {name: d, port: 54, targetPort: dns}""");

        assertThat(set.errors()).isEmpty();
        assertThat(set.warnings()).extracting(Problem::line).containsExactly(
                "warning: m.yaml:20:39: spec.ports[0].targetPort: Deployment \"web\" declares no TCP containerPort 9090; berth "
                        + "publishes only declared ports, so this port reaches none of its replicas",
                "warning: m.yaml:21:39: spec.ports[1].targetPort: Deployment \"web\" declares no TCP containerPort named "
                        + "\"metrics\"; berth publishes only declared ports, so this port reaches none of its replicas",
                "warning: m.yaml:23:39: spec.ports[3].targetPort: Deployment \"web\" declares no TCP containerPort named "
                        + "\"dns\"; berth publishes only declared ports, so this port reaches none of its replicas");
    }
}
