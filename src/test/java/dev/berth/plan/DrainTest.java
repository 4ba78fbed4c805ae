package dev.berth.plan;

import dev.berth.model.BerthLabels;
import dev.berth.model.ObservedContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.plan.Plans.desired;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Draining a node ({@code berth drain}): its replicas start elsewhere first, and leave it only once their
 * replacements are available, so that a Deployment never has fewer available replicas than it asks for.
 */
class DrainTest {
    private Servers servers;
    private Planner planner;
    private DesiredState web;

    @BeforeEach
    void threeReplicasOnePerNode() {
        servers = Servers.three();
        planner = new Planner(Plans.sequence());
        web = desired(new DeploymentSpec("web").replicas(3)
                .container(new ContainerSpec("app", "web:1").requests("100m", "64Mi")).build());
        servers.apply(planner.plan(web, servers.view(), Map.of()));
        assertThat(servers.pods().values()).allSatisfy(pods -> assertThat(pods).hasSize(1));
        servers.newContainersReport("starting");
    }

    private Plan step() {
        Plan plan = planner.plan(web, servers.view(), Map.of());
        servers.apply(plan);
        return plan;
    }

    private static List<String> runsOn(Plan plan) {
        return plan.actions().stream().filter(Action.RunContainer.class::isInstance).map(Action::node).toList();
    }

    private static List<String> removals(Plan plan) {
        return plan.actions().stream().filter(Action.RemoveContainer.class::isInstance)
                .map(action -> action.node() + " " + ((Action.RemoveContainer) action).reason()).toList();
    }

    private String replacementOf(String node) {
        return servers.containers(node).stream().filter(c -> "starting".equals(c.health()))
                .map(ObservedContainer::name).findFirst().orElseThrow();
    }

    @Test
    void theReplicaStaysUntilItsReplacementIsReadyThenLeaves() {
        servers.drain("node-2");

        Plan first = step();
        assertThat(runsOn(first)).hasSize(1).doesNotContain("node-2");
        assertThat(removals(first)).as("the replacement is not ready yet").isEmpty();
        assertThat(first.pending()).isEmpty();

        String placedOn = runsOn(first).get(0);
        assertThat(step().actions()).as("nothing to do while the replacement starts").isEmpty();

        servers.health(replacementOf(placedOn), "healthy");
        Plan second = step();
        assertThat(removals(second)).containsExactly("node-2 node drained");
        assertThat(runsOn(second)).isEmpty();
        assertThat(servers.pods().get("node-2")).isEmpty();

        assertThat(step().actions()).as("drained: nothing left to do").isEmpty();
    }

    @Test
    void aReplicaThatIsNotAvailableLeavesAtOnce() {
        String onNode2 = servers.containers("node-2").get(0).name();
        servers.health(onNode2, "unhealthy").drain("node-2");

        Plan plan = step();
        assertThat(runsOn(plan)).hasSize(1).doesNotContain("node-2");
        assertThat(removals(plan)).containsExactly("node-2 node drained");
    }

    @Test
    void aReplicaWhoseReplacementHasNowhereToGoStaysAndIsPending() {
        servers.cordon("node-1").cordon("node-3").drain("node-2");

        Plan plan = step();
        assertThat(runsOn(plan)).isEmpty();
        assertThat(removals(plan)).isEmpty();
        assertThat(plan.pending()).singleElement().satisfies(pending ->
                assertThat(pending.reason()).contains("cordoned"));
        assertThat(servers.pods().get("node-2")).hasSize(1);
    }

    @Test
    void aDrainingNodeTakesNoNewReplica() {
        servers.drain("node-1").drain("node-2");

        Plan plan = step();
        assertThat(runsOn(plan)).containsExactly("node-3", "node-3");
        assertThat(removals(plan)).isEmpty();
    }

    @Test
    void aScaleDownDuringADrainTakesTheDrainingReplicasFirst() {
        web = desired(new DeploymentSpec("web").replicas(2)
                .container(new ContainerSpec("app", "web:1").requests("100m", "64Mi")).build());
        servers.drain("node-2");

        Plan plan = step();
        assertThat(runsOn(plan)).isEmpty();
        assertThat(removals(plan)).containsExactly("node-2 node drained");
        assertThat(servers.pods().get("node-1")).hasSize(1);
        assertThat(servers.pods().get("node-3")).hasSize(1);
    }

    @Test
    void containersBerthDidNotCreateStayOnADrainedNode() {
        servers.unmanaged("node-2", "postgres", Map.of(BerthLabels.MANAGED, "true")).drain("node-2");
        servers.health(servers.containers("node-2").get(0).name(), "unhealthy");

        step();
        assertThat(servers.containers("node-2")).extracting(ObservedContainer::name).contains("postgres");
    }
}
