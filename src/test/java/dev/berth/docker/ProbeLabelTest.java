package dev.berth.docker;

import dev.berth.model.Container;
import dev.berth.model.ContainerProbes;
import dev.berth.model.IntOrString;
import dev.berth.model.Probe;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProbeLabelTest {
    private static final Probe READY = new Probe(new Probe.HttpGet("/ready", IntOrString.of("http"), "HTTP",
            List.of(new Probe.HttpHeader("Host", "web.example.com"))), null, null, 5, 2, 1, 2, 3);
    private static final Probe ALIVE = new Probe(null, new Probe.TcpSocket(IntOrString.of("admin")), null, 0, 10, 1,
            1, 3);
    private static final Probe STARTED = new Probe(null, null, new Probe.Exec(List.of("cat", "/tmp/started")), 0, 2,
            1, 1, 30);

    private static Container container(Probe readiness, Probe liveness, Probe startup) {
        return new Container("app", "app:v1", "IfNotPresent", List.of(), List.of(), null,
                List.of(new Container.Port("http", 8080, null, "TCP"), new Container.Port("admin", 9090, null, "TCP")),
                List.of(), List.of(), null, List.of(), liveness, readiness, startup);
    }

    @Test
    void readsBackWhatItWroteWithNamedPortsAsNumbers() {
        ContainerProbes probes = ProbeLabel.read(ProbeLabel.of(container(READY, ALIVE, STARTED)));

        assertThat(probes.readinessProbe().httpGet()).isEqualTo(new Probe.HttpGet("/ready", IntOrString.of(8080),
                "HTTP", List.of(new Probe.HttpHeader("Host", "web.example.com"))));
        assertThat(probes.readinessProbe().successThreshold()).isEqualTo(2);
        assertThat(probes.livenessProbe().tcpSocket()).isEqualTo(new Probe.TcpSocket(IntOrString.of(9090)));
        assertThat(probes.startupProbe()).isEqualTo(STARTED);
    }

    @Test
    void isCompactLeavingOutWhatIsNotThere() {
        String label = ProbeLabel.of(container(null, ALIVE, null));

        assertThat(label).isEqualTo("{\"livenessProbe\":{\"tcpSocket\":{\"port\":9090},\"initialDelaySeconds\":0,"
                + "\"periodSeconds\":10,\"timeoutSeconds\":1,\"successThreshold\":1,\"failureThreshold\":3}}");
    }

    @Test
    void isAbsentForAContainerWithoutProbes() {
        assertThat(ProbeLabel.of(container(null, null, null))).isNull();
    }

    @Test
    void skipsFieldsItDoesNotKnow() {
        ContainerProbes probes = ProbeLabel.read("{\"readinessProbe\":{\"tcpSocket\":{\"port\":80},\"initialDelaySeconds\":0,"
                + "\"periodSeconds\":10,\"timeoutSeconds\":1,\"successThreshold\":1,\"failureThreshold\":3,\"later\":1}}");

        assertThat(probes.readinessProbe().tcpSocket().port()).isEqualTo(IntOrString.of(80));
    }

    @Test
    void refusesALabelItCannotProbeBy() {
        assertThatThrownBy(() -> ProbeLabel.read("not json")).isInstanceOf(MalformedOutputException.class)
                .hasMessageStartingWith("cannot read the berth.dev/probes label from docker: \"not json\"");
        assertThatThrownBy(() -> ProbeLabel.read("{\"readinessProbe\":{\"grpc\":{\"port\":80},\"periodSeconds\":10,"
                + "\"timeoutSeconds\":1,\"successThreshold\":1,\"failureThreshold\":3}}"))
                .isInstanceOf(MalformedOutputException.class);
        assertThatThrownBy(() -> ProbeLabel.read("{\"readinessProbe\":{\"tcpSocket\":{\"port\":\"http\"},"
                + "\"periodSeconds\":10,\"timeoutSeconds\":1,\"successThreshold\":1,\"failureThreshold\":3}}"))
                .isInstanceOf(MalformedOutputException.class);
    }
}
