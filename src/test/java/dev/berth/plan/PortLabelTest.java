package dev.berth.plan;

import dev.berth.model.BerthLabels;
import dev.berth.model.Deployment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.plan.Plans.desired;
import static org.assertj.core.api.Assertions.assertThat;

/** Every container of a replica carries the replica's named ports, for a Service's targetPort by name. */
class PortLabelTest {
    private final Servers servers = new Servers().node("node-1", 4000, 8 * Servers.GI);
    private final Planner planner = new Planner(Plans.sequence());

    private List<List<String>> runs(Deployment deployment) {
        Plan plan = planner.plan(desired(List.of(deployment), List.of(), List.of(), List.of()), servers.view(),
                Map.of());
        return plan.actions().stream().filter(a -> a instanceof Action.RunContainer)
                .map(a -> ((Action.RunContainer) a).argv()).toList();
    }

    @Test
    void everyContainerOfTheReplicaNamesAllItsNamedPorts() {
        Deployment web = new DeploymentSpec("web")
                .container(new ContainerSpec("app", "web:1").namedPort("http", 8080).port(9999))
                .container(new ContainerSpec("sidecar", "metrics:1").namedPort("metrics", 9090)).build();

        assertThat(runs(web)).hasSize(2).allSatisfy(argv -> assertThat(argv)
                .containsSubsequence("--label", BerthLabels.PORTS + "=http=8080/TCP,metrics=9090/TCP"));
    }

    @Test
    void aReplicaWithoutNamedPortsHasNoLabel() {
        Deployment web = new DeploymentSpec("web").container(new ContainerSpec("app", "web:1").port(8080)).build();

        assertThat(runs(web).get(0)).noneMatch(word -> word.startsWith(BerthLabels.PORTS));
    }
}
