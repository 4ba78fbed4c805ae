package dev.berth.plan;

import dev.berth.model.Deployment;
import dev.berth.model.PodSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.plan.Plans.desired;
import static org.assertj.core.api.Assertions.assertThat;

/** While a claim's data is being moved, no replica that mounts it runs; afterwards they follow the data. */
class ClaimMoveTest {
    private static final String VOLUME = "berth_default_data";

    private final Planner planner = new Planner(Plans.sequence());
    private Servers servers;
    private DesiredState desired;

    @BeforeEach
    void twoReplicasWithTheirDataOnNode2() {
        servers = Servers.three().volume("node-2", VOLUME);
        Deployment db = new DeploymentSpec("db").replicas(2)
                .volume(new PodSpec.Volume("data", new PodSpec.ClaimSource("data", false), null, null, null, null))
                .container(new ContainerSpec("db", "postgres:16").mount("data", "/var/lib/postgresql", false, null))
                .build();
        Deployment web = new DeploymentSpec("web").container(new ContainerSpec("web", "web:1")).build();
        desired = desired(List.of(db, web), List.of(), List.of(), List.of(Plans.claim("data")));
        servers.apply(planner.plan(desired, servers.view(), Map.of()));
        assertThat(servers.pods().get("node-2")).hasSize(2);
    }

    private ClusterView moving() {
        ClusterView view = servers.view();
        return new ClusterView(view.nodes(), view.observedAt(), Map.of(VOLUME, "node-3"));
    }

    @Test
    void everyReplicaThatMountsAMovingClaimIsRemovedAndNoneStarts() {
        Plan plan = planner.plan(desired, moving(), Map.of());

        assertThat(plan.actions()).filteredOn(Action.RemoveContainer.class::isInstance)
                .extracting(a -> a.node() + " " + ((Action.RemoveContainer) a).reason())
                .containsOnly("node-2 volume " + VOLUME + " is being moved to node-3").hasSize(2);
        assertThat(plan.actions()).noneMatch(Action.RunContainer.class::isInstance);
        assertThat(plan.pending()).containsExactly(
                new PendingReplica("default/db", "volume " + VOLUME + " is being moved to node-3"),
                new PendingReplica("default/db", "volume " + VOLUME + " is being moved to node-3"));

        servers.apply(plan);
        Plan next = planner.plan(desired, moving(), Map.of());
        assertThat(next.actions()).as("the other Deployment is left alone, and nothing starts").isEmpty();
        assertThat(next.pending()).hasSize(2);
    }

    @Test
    void onceTheDataIsElsewhereTheReplicasStartThere() {
        servers.apply(planner.plan(desired, moving(), Map.of()));
        servers.volume("node-3", VOLUME);
        ClusterView view = servers.view();
        List<NodeView> nodes = view.nodes().stream().map(node -> node.name().equals("node-2")
                ? node.with(node.containers(), List.of()) : node).toList();

        Plan plan = planner.plan(desired, new ClusterView(nodes, view.observedAt()), Map.of());

        assertThat(plan.actions()).filteredOn(Action.RunContainer.class::isInstance).extracting(Action::node)
                .containsExactly("node-3", "node-3");
        assertThat(plan.pending()).isEmpty();
    }

    @Test
    void withCopiesOnSeveralNodesAndNoBindingNewReplicasFollowTheRunningOnes() {
        Servers stale = Servers.three().volume("node-2", VOLUME);
        Deployment one = new DeploymentSpec("db").replicas(1)
                .volume(new PodSpec.Volume("data", new PodSpec.ClaimSource("data", false), null, null, null, null))
                .container(new ContainerSpec("db", "postgres:16").mount("data", "/var/lib/postgresql", false, null))
                .build();
        DesiredState single = desired(List.of(one), List.of(), List.of(), List.of(Plans.claim("data")));
        stale.apply(planner.plan(single, stale.view(), Map.of()));
        stale.volume("node-1", VOLUME);
        Deployment two = new DeploymentSpec("db").replicas(2)
                .volume(new PodSpec.Volume("data", new PodSpec.ClaimSource("data", false), null, null, null, null))
                .container(new ContainerSpec("db", "postgres:16").mount("data", "/var/lib/postgresql", false, null))
                .build();

        Plan plan = planner.plan(desired(List.of(two), List.of(), List.of(), List.of(Plans.claim("data"))),
                stale.view(), Map.of());

        assertThat(plan.actions()).filteredOn(Action.RunContainer.class::isInstance).extracting(Action::node)
                .as("node-1's copy is older data; the replica in use runs on node-2").containsExactly("node-2");
    }
}
