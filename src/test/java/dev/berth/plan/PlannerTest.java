package dev.berth.plan;

import dev.berth.model.BerthLabels;
import dev.berth.model.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.berth.plan.Plans.describe;
import static dev.berth.plan.Plans.desired;
import static org.assertj.core.api.Assertions.assertThat;

class PlannerTest {
    private static final Deployment WEB = web(3, "nginx:1.27");
    private static final DesiredState DESIRED = desired(WEB);
    private static final String HASH = SpecHash.of(WEB, DESIRED);

    private Servers servers;
    private Planner planner;

    @BeforeEach
    void threeNodes() {
        servers = Servers.three();
        planner = new Planner(Plans.sequence());
    }

    static Deployment web(int replicas, String image) {
        return new DeploymentSpec("web").replicas(replicas)
                .container(new ContainerSpec("app", image).requests("500m", "512Mi")).build();
    }

    private Plan plan(DesiredState desired) {
        return planner.plan(desired, servers.view(), Map.of());
    }

    private static String start(String node, String suffix) {
        return node + ": start container default_web-" + HASH + "-" + suffix + "_app (nginx:1.27)";
    }

    private static String remove(String node, String suffix, String reason) {
        return node + ": remove container default_web-" + HASH + "-" + suffix + "_app (" + reason + ")";
    }

    private static String cleanUp(String node, String suffix) {
        return node + ": clean up files of web-" + HASH + "-" + suffix;
    }

    @Nested
    class OnAFreshCluster {
        @Test
        void placesOneReplicaPerNode() {
            Plan plan = plan(DESIRED);

            assertThat(describe(plan)).containsExactly(
                    "node-1: ensure network berth", "node-2: ensure network berth", "node-3: ensure network berth",
                    start("node-1", "a0001"), start("node-2", "a0002"), start("node-3", "a0003"));
            assertThat(plan.pending()).isEmpty();
            assertThat(plan.revisions()).containsExactly(Map.entry("default/web", new Revision(1, HASH)));
        }

        @Test
        void aSecondRunFindsNothingToDo() {
            servers.apply(plan(DESIRED));

            Plan again = plan(DESIRED);

            assertThat(again.actions()).isEmpty();
            assertThat(again.inSync()).isTrue();
            assertThat(again.pending()).isEmpty();
        }

        @Test
        void labelsEveryContainerSoThatStateIsRecoverableFromTheServers() {
            servers.apply(plan(DESIRED));

            assertThat(servers.containers("node-1").get(0).labels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "app", "web",
                    BerthLabels.MANAGED, "true", BerthLabels.NAMESPACE, "default", BerthLabels.DEPLOYMENT, "web",
                    BerthLabels.POD, "web-" + HASH + "-a0001", BerthLabels.CONTAINER, "app",
                    BerthLabels.SPEC_HASH, HASH, BerthLabels.REVISION, "1",
                    BerthLabels.CPU_REQUEST, "500", BerthLabels.MEMORY_REQUEST, "536870912"));
        }
    }

    @Nested
    class Scaling {
        @Test
        void fromTwoToThreeAddsOneOnTheEmptiestNode() {
            servers.apply(plan(desired(web(2, "nginx:1.27"))));

            assertThat(describe(plan(DESIRED))).containsExactly(
                    "node-3: ensure network berth", start("node-3", "a0003"));
        }

        @Test
        void fromThreeToOneRemovesTheTwoNewestReplicas() {
            servers.apply(plan(DESIRED));

            assertThat(describe(plan(desired(web(1, "nginx:1.27"))))).containsExactly(
                    remove("node-3", "a0003", "surplus"), remove("node-2", "a0002", "surplus"),
                    cleanUp("node-3", "a0003"), cleanUp("node-2", "a0002"));
        }

        @Test
        void toZeroRemovesEveryReplicaButKeepsTheRevision() {
            servers.apply(plan(DESIRED));

            Plan plan = plan(desired(web(0, "nginx:1.27")));

            assertThat(plan.actions()).hasSize(6);
            assertThat(plan.revisions()).containsEntry("default/web", new Revision(1, HASH));
        }
    }

    @Nested
    class SelfHealing {
        @Test
        void replacesAKilledContainerAndRemovesTheDeadOne() {
            servers.apply(plan(DESIRED)).exit("default_web-" + HASH + "-a0002_app", 3);

            assertThat(describe(plan(DESIRED))).containsExactly(
                    "node-2: ensure network berth", start("node-2", "a0004"),
                    remove("node-2", "a0002", "dead (exited 3)"), cleanUp("node-2", "a0002"));
        }

        @Test
        void startsTheReplicasOfAnUnreachableNodeElsewhereAndPlansNothingThere() {
            servers.apply(plan(DESIRED)).reachable("node-3", false);

            Plan plan = plan(DESIRED);

            assertThat(describe(plan)).containsExactly("node-1: ensure network berth", start("node-1", "a0004"));
            assertThat(plan.actions()).noneMatch(action -> action.node().equals("node-3"));
        }

        @Test
        void removesTheSurplusWhenTheNodeReturns() {
            servers.apply(plan(DESIRED)).reachable("node-3", false);
            servers.apply(plan(DESIRED)).reachable("node-3", true);

            assertThat(describe(plan(DESIRED))).containsExactly(
                    remove("node-1", "a0004", "surplus"), cleanUp("node-1", "a0004"));
            assertThat(servers.apply(plan(DESIRED)).pods().values()).allMatch(pods -> pods.size() == 1);
        }

        @Test
        void neverTouchesContainersBerthDidNotCreate() {
            servers.unmanaged("node-1", "postgres", Map.of())
                    .unmanaged("node-2", "imposter", Map.of(BerthLabels.MANAGED, "false",
                            BerthLabels.NAMESPACE, "default", BerthLabels.DEPLOYMENT, "web"))
                    .unmanaged("node-3", "berth-proxy", Map.of(BerthLabels.MANAGED, "true"));

            assertThat(plan(desired()).actions()).isEmpty();
            assertThat(describe(plan(DESIRED))).noneMatch(line -> line.contains("remove"));
        }

        @Test
        void removesTheReplicasOfADeploymentNoLongerDesired() {
            servers.apply(plan(DESIRED));

            assertThat(describe(plan(desired()))).containsExactly(
                    remove("node-1", "a0001", "deployment deleted"), remove("node-2", "a0002", "deployment deleted"),
                    remove("node-3", "a0003", "deployment deleted"),
                    cleanUp("node-1", "a0001"), cleanUp("node-2", "a0002"), cleanUp("node-3", "a0003"));
        }
    }

    @Nested
    class Scoped {
        private final Deployment api = new DeploymentSpec("api").replicas(1)
                .container(new ContainerSpec("app", "api:1").requests("100m", "64Mi")).build();

        @Test
        void leavesTheReplicasOfADeploymentNoLongerDesiredToARunThatNamesIt() {
            servers.apply(plan(DESIRED));

            assertThat(planner.plan(desired(api), servers.view(), Map.of(), Scope.of(Set.of("default/api")))
                    .actions()).noneMatch(action -> action.describe().contains("web"));
            assertThat(describe(planner.plan(desired(api), servers.view(), Map.of(), Scope.of(Set.of("default/web")))))
                    .containsExactly(
                            remove("node-1", "a0001", "deployment deleted"), remove("node-2", "a0002", "deployment deleted"),
                            remove("node-3", "a0003", "deployment deleted"),
                            cleanUp("node-1", "a0001"), cleanUp("node-2", "a0002"), cleanUp("node-3", "a0003"));
        }

        @Test
        void plansOnlyTheNamedDeploymentsButCountsEveryReplicasRoom() {
            servers.apply(plan(DESIRED));
            Deployment huge = new DeploymentSpec("huge").replicas(1)
                    .container(new ContainerSpec("app", "huge:1").requests("100m", "1000Gi")).build();

            Plan scoped = planner.plan(desired(web(3, "nginx:1.28"), api, huge), servers.view(), Map.of(),
                    Scope.of(Set.of("default/api")));

            assertThat(scoped.actions()).allMatch(action -> !action.describe().contains("web")
                    && !action.describe().contains("huge"));
            assertThat(scoped.actions()).anyMatch(action -> action.describe().contains("start container default_api-"));
            assertThat(scoped.pending()).as("another Deployment's Pending replica is not this run's").isEmpty();
            assertThat(scoped.rollouts()).containsOnlyKeys("default/api");
            assertThat(scoped.revisions()).containsOnlyKeys("default/api");
        }
    }

    @Nested
    class SpecChanges {
        private final Deployment newImage = web(3, "nginx:1.28");
        private final String newHash = SpecHash.of(newImage, desired(newImage));

        @Test
        void pullsTheNewImageEverywhereThenStartsTheFirstWave() {
            servers.apply(plan(DESIRED));

            Plan plan = planner.plan(desired(newImage), servers.view(), Map.of("default/web", new Revision(1, HASH)));

            assertThat(describe(plan)).containsExactly(
                    "node-1: ensure network berth",
                    "node-1: pull nginx:1.28 (if missing)", "node-2: pull nginx:1.28 (if missing)",
                    "node-3: pull nginx:1.28 (if missing)",
                    "node-1: start container default_web-" + newHash + "-a0004_app (nginx:1.28)");
            assertThat(plan.revisions()).containsExactly(Map.entry("default/web", new Revision(2, newHash)));
        }

        @Test
        void removesAnOldReplicaOnceItsReplacementIsAvailable() {
            servers.apply(plan(DESIRED));
            servers.apply(plan(desired(newImage)));

            assertThat(describe(plan(desired(newImage)))).containsExactly(
                    remove("node-1", "a0001", "spec changed"), cleanUp("node-1", "a0001"));
        }

        @Test
        void keepsOldReplicasServingWhenTheirReplacementsCannotBePlaced() {
            servers = new Servers().node("node-1", 1000, 8 * Servers.GI);
            servers.apply(plan(desired(web(2, "nginx:1.27"))));

            Plan plan = plan(desired(web(2, "nginx:1.28")));

            assertThat(plan.actions()).isEmpty();
            assertThat(plan.pending()).extracting(PendingReplica::reason)
                    .containsExactly("0/1 nodes fit: 1 insufficient cpu");
            assertThat(plan.waiting()).isTrue();
        }

        @Test
        void recoversTheRevisionFromContainerLabelsWhenTheRecordIsLost() {
            servers.apply(planner.plan(DESIRED, servers.view(), Map.of("default/web", new Revision(7, "0000000000"))));

            assertThat(planner.plan(DESIRED, servers.view(), Map.of()).revisions())
                    .containsExactly(Map.entry("default/web", new Revision(8, HASH)));
        }

        @Test
        void numbersANewSpecAfterTheHighestRevisionKnown() {
            servers.apply(plan(DESIRED));

            assertThat(planner.plan(desired(newImage), servers.view(), Map.of()).revisions())
                    .containsExactly(Map.entry("default/web", new Revision(2, newHash)));
        }
    }

    @Nested
    class Determinism {
        @Test
        void theSameInputsAndNamesGiveTheSamePlan() {
            ClusterView view = servers.view();

            Plan first = new Planner(PodNames.seeded(42)).plan(DESIRED, view, Map.of());
            Plan second = new Planner(PodNames.seeded(42)).plan(DESIRED, view, Map.of());

            assertThat(first).isEqualTo(second);
            assertThat(first.actions()).hasSize(6);
        }

        @Test
        void drawsAnotherNameWhenOneIsTaken() {
            servers.apply(plan(desired(web(1, "nginx:1.27"))));
            String[] suffixes = {"a0001", "a0001", "b0002"};
            int[] next = {0};

            Plan plan = new Planner(() -> suffixes[next[0]++]).plan(desired(web(2, "nginx:1.27")), servers.view(),
                    Map.of());

            assertThat(describe(plan)).containsExactly("node-2: ensure network berth", start("node-2", "b0002"));
        }

        @Test
        void randomNamesUseKubernetesAlphabet() {
            assertThat(PodNames.random().suffix()).matches("[bcdfghjklmnpqrstvwxz2456789]{5}");
            assertThat(List.of(PodNames.seeded(1).suffix())).containsExactly(PodNames.seeded(1).suffix());
        }
    }
}
