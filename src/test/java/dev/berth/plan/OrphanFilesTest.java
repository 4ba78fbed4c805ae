package dev.berth.plan;

import dev.berth.model.Deployment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files of replicas that have no container left on their node (a start that failed after its files were
 * written, a run killed in between) are deleted by the next plan, whatever it is about, and before anything else.
 */
class OrphanFilesTest {
    private final Servers servers = new Servers().node("node-1", 4000, 8 * Servers.GI);

    private static ClusterView withDirectories(ClusterView view, List<String> directories) {
        NodeView node = view.nodes().get(0);
        return new ClusterView(List.of(new NodeView(node.name(), node.address(), node.labels(), node.roles(),
                node.reachable(), node.cordoned(), node.draining(), node.capacity(), node.homeDirectory(),
                node.containers(), node.volumes(), node.liveUsage(), node.loadedConfigs(), directories)),
                view.observedAt());
    }

    @Test
    void aDirectoryWithoutAContainerIsCleanedUpFirst() {
        Deployment web = new DeploymentSpec("web").container(new ContainerSpec("app", "web:1")).build();
        DesiredState desired = Plans.desired(web);

        Plan plan = new Planner(Plans.sequence()).plan(desired, withDirectories(servers.view(),
                List.of("default/failer-abc1234567-x1")), Map.of());

        assertThat(plan.actions().get(0)).isEqualTo(new Action.CleanUpPod("node-1", "failer-abc1234567-x1",
                "/home/berth/.berth/pods/default/failer-abc1234567-x1", true));
        assertThat(plan.actions().get(0).describe())
                .isEqualTo("node-1: clean up files of failer-abc1234567-x1 (no container left)");
        assertThat(plan.actions()).filteredOn(Action.RunContainer.class::isInstance).hasSize(1);
    }

    @Test
    void theDirectoryOfAReplicaThatRunsStays() {
        Deployment web = new DeploymentSpec("web").container(new ContainerSpec("app", "web:1")).build();
        DesiredState desired = Plans.desired(web);
        Planner planner = new Planner(Plans.sequence());
        servers.apply(planner.plan(desired, servers.view(), Map.of()));
        String pod = Plans.pod(web, desired, "a0001");

        Plan plan = planner.plan(desired, withDirectories(servers.view(), List.of("default/" + pod)), Map.of());

        assertThat(plan.actions()).isEmpty();
    }

    @Test
    void aNewReplicaNeverTakesTheNameOfALeftOverDirectory() {
        Deployment web = new DeploymentSpec("web").container(new ContainerSpec("app", "web:1")).build();
        DesiredState desired = Plans.desired(web);
        String leftOver = Plans.pod(web, desired, "a0001");

        Plan plan = new Planner(Plans.sequence()).plan(desired, withDirectories(servers.view(),
                List.of("default/" + leftOver)), Map.of());

        assertThat(plan.actions()).filteredOn(Action.RunContainer.class::isInstance)
                .extracting(action -> ((Action.RunContainer) action).pod()).doesNotContain(leftOver);
    }

    @Test
    void aRunAboutOtherDeploymentsLeavesThemToTheirOwnRuns() {
        Deployment web = new DeploymentSpec("web").container(new ContainerSpec("app", "web:1")).build();
        ClusterView view = withDirectories(servers.view(), List.of("default/failer-abc1234567-x1",
                "shop/web-abc1234567-x2"));

        Plan scoped = new Planner(Plans.sequence()).plan(Plans.desired(web), view, Map.of(),
                Scope.of(java.util.Set.of("default/web")));
        Plan failer = new Planner(Plans.sequence()).plan(Plans.desired(web), view, Map.of(),
                Scope.of(java.util.Set.of("default/failer")));

        assertThat(scoped.actions()).noneMatch(Action.CleanUpPod.class::isInstance);
        assertThat(failer.actions()).filteredOn(Action.CleanUpPod.class::isInstance).extracting(Action::describe)
                .containsExactly("node-1: clean up files of failer-abc1234567-x1 (no container left)");
    }

    @Test
    void namesThatCouldLeaveThePodsDirectoryAreNeverCleanedUp() {
        Plan plan = new Planner(Plans.sequence()).plan(Plans.desired(), withDirectories(servers.view(),
                List.of("default/..", "../x")), Map.of());

        assertThat(plan.actions()).isEmpty();
    }
}
