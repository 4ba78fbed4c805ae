package dev.berth.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class PortNamesTest {

    private static Container container(List<Container.Port> ports) {
        return new Container("app", "app:v1", null, null, null, null, ports, null, null, null, null, null, null, null);
    }

    @Test
    void theNamedPortsOfEveryContainerMakeTheLabelAndReadBack() {
        PortNames names = PortNames.of(List.of(
                container(List.of(new Container.Port("http", 8080, null, null), new Container.Port(null, 9999, null, null))),
                container(List.of(new Container.Port("dns", 53, null, "UDP")))));

        assertThat(names.label()).isEqualTo("http=8080/TCP,dns=53/UDP");
        assertThat(PortNames.parse(names.label())).isEqualTo(names);
        assertThat(names.resolve("dns", "UDP")).isEqualTo(OptionalInt.of(53));
        assertThat(names.resolve("dns", "TCP")).isEmpty();
    }

    @Test
    void aMissingOrDamagedLabelNamesNoPort() {
        assertThat(PortNames.parse(null).ports()).isEmpty();
        assertThat(PortNames.parse("http=80x/TCP,=,metrics=9090/TCP").ports())
                .containsExactly(new PortNames.Named("metrics", 9090, "TCP"));
    }
}
