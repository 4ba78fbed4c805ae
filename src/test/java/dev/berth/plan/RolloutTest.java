package dev.berth.plan;

import dev.berth.model.BerthLabels;
import dev.berth.model.Deployment;
import dev.berth.model.IntOrString;
import dev.berth.model.ObservedContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static dev.berth.plan.Plans.describe;
import static dev.berth.plan.Plans.desired;
import static org.assertj.core.api.Assertions.assertThat;

/** Rollouts of a changed template, one wave per plan, as exact plans. */
class RolloutTest {
    private Servers servers;
    private Planner planner;

    @BeforeEach
    void threeNodes() {
        servers = Servers.three();
        planner = new Planner(Plans.sequence());
    }

    private static DesiredState web(int replicas, String image, UnaryOperator<DeploymentSpec> strategy) {
        return desired(strategy.apply(new DeploymentSpec("web").replicas(replicas)
                .container(new ContainerSpec("app", image).requests("100m", "64Mi"))).build());
    }

    /** Plans against what the servers show (every container counted as running long enough), then applies. */
    private Plan step(DesiredState desired) {
        Plan plan = planner.plan(desired, servers.view(), Map.of());
        servers.apply(plan);
        return plan;
    }

    private void converge(DesiredState desired) {
        for (int i = 0; i < 40; i++) {
            if (step(desired).complete()) {
                return;
            }
        }
        throw new AssertionError("no complete rollout after 40 steps");
    }

    private static long starts(Plan plan) {
        return plan.actions().stream().filter(Action.RunContainer.class::isInstance).count();
    }

    private static long removals(Plan plan) {
        return plan.actions().stream().filter(Action.RemoveContainer.class::isInstance).count();
    }

    /** The names of the containers a plan removes. */
    private static List<String> removed(Plan plan) {
        return plan.actions().stream().filter(Action.RemoveContainer.class::isInstance)
                .map(action -> ((Action.RemoveContainer) action).name()).toList();
    }

    private static List<String> pulls(Plan plan) {
        return describe(plan).stream().filter(line -> line.contains(": pull ")).toList();
    }

    /** The docker names of the containers running an image, across the servers. */
    private List<String> containersOf(String image) {
        List<String> names = new ArrayList<>();
        for (String node : List.of("node-1", "node-2", "node-3")) {
            servers.containers(node).stream().filter(c -> c.image().equals(image)).map(ObservedContainer::name)
                    .forEach(names::add);
        }
        return names;
    }

    @Nested
    class Waves {
        @Test
        void fourReplicasWithSurgeOneAndNoneUnavailableTakeFourWavesOfOne() {
            UnaryOperator<DeploymentSpec> strategy = spec -> spec.rollingUpdate(1, 0);
            converge(web(4, "app:1", strategy));
            DesiredState v2 = web(4, "app:2", strategy);

            List<String> waves = new ArrayList<>();
            Plan plan = step(v2);
            assertThat(pulls(plan)).containsExactly("node-1: pull app:2 (if missing)",
                    "node-2: pull app:2 (if missing)", "node-3: pull app:2 (if missing)");
            while (!plan.complete()) {
                waves.add("+" + starts(plan) + " -" + removals(plan));
                plan = step(v2);
                assertThat(pulls(plan)).isEmpty();
            }

            assertThat(waves).containsExactly("+1 -0", "+0 -1", "+1 -0", "+0 -1", "+1 -0", "+0 -1", "+1 -0", "+0 -1");
            assertThat(containersOf("app:2")).hasSize(4);
            assertThat(containersOf("app:1")).isEmpty();
        }

        @Test
        void tenReplicasAtTwentyFivePercentStartThreeAndStopTwoAtOnce() {
            converge(web(10, "app:1", UnaryOperator.identity()));

            Plan first = step(web(10, "app:2", UnaryOperator.identity()));

            assertThat(starts(first)).isEqualTo(3);
            assertThat(removals(first)).isEqualTo(2);
        }

        @Test
        void threeReplicasAtTwentyFivePercentSurgeOneAndLoseNone() {
            converge(web(3, "app:1", UnaryOperator.identity()));

            Plan first = step(web(3, "app:2", UnaryOperator.identity()));

            assertThat(starts(first)).isEqualTo(1);
            assertThat(removals(first)).isZero();
        }

        @Test
        void percentagesOfThirtyRoundSurgeUpAndUnavailableDown() {
            UnaryOperator<DeploymentSpec> strategy = spec -> spec.rollingUpdate(IntOrString.of("30%"),
                    IntOrString.of("30%"));
            converge(web(4, "app:1", strategy));

            Plan first = step(web(4, "app:2", strategy));

            assertThat(starts(first)).isEqualTo(2);
            assertThat(removals(first)).isEqualTo(1);
        }

        @Test
        void whenSurgeAndUnavailableBothRoundToZeroOneReplicaMayBeUnavailable() {
            UnaryOperator<DeploymentSpec> strategy = spec -> spec.rollingUpdate(IntOrString.of("0%"),
                    IntOrString.of("10%"));
            converge(web(3, "app:1", strategy));
            DesiredState v2 = web(3, "app:2", strategy);

            Plan first = step(v2);
            Plan second = step(v2);

            assertThat(pulls(first)).hasSize(3);
            assertThat(starts(first)).isZero();
            assertThat(removals(first)).isEqualTo(1);
            assertThat(starts(second)).isEqualTo(1);
            assertThat(removals(second)).isZero();
        }

        @Test
        void finishesWithEveryReplicaNewAndAvailable() {
            converge(web(3, "app:1", UnaryOperator.identity()));
            converge(web(3, "app:2", UnaryOperator.identity()));

            Plan done = planner.plan(web(3, "app:2", UnaryOperator.identity()), servers.view(), Map.of());

            assertThat(done.complete()).isTrue();
            assertThat(done.waiting()).isFalse();
            assertThat(done.rollouts().get("default/web"))
                    .isEqualTo(new RolloutProgress("default/web", 2, 3, 3, 3, 3, false, true));
        }
    }

    @Nested
    class Availability {
        private final UnaryOperator<DeploymentSpec> surgeOne = spec -> spec.rollingUpdate(1, 0);

        @Test
        void aNewReplicaThatIsNotReadyKeepsEveryOldOne() {
            converge(web(4, "app:1", surgeOne));
            servers.newContainersReport("starting");
            DesiredState v2 = web(4, "app:2", surgeOne);
            step(v2);

            Plan waiting = step(v2);

            assertThat(waiting.actions()).isEmpty();
            assertThat(waiting.waiting()).isTrue();
            assertThat(waiting.complete()).isFalse();
            assertThat(waiting.rollouts().get("default/web"))
                    .isEqualTo(new RolloutProgress("default/web", 2, 4, 1, 4, 5, false, false));

            servers.health(containersOf("app:2").get(0), "healthy");
            assertThat(removals(step(v2))).isEqualTo(1);
        }

        @Test
        void unavailableOldReplicasGoFirst() {
            UnaryOperator<DeploymentSpec> strategy = spec -> spec.rollingUpdate(1, 1);
            converge(web(4, "app:1", strategy));
            String sick = containersOf("app:1").get(2);
            servers.health(sick, "unhealthy");

            Plan first = step(web(4, "app:2", strategy));

            assertThat(starts(first)).isEqualTo(1);
            assertThat(first.actions()).filteredOn(Action.RemoveContainer.class::isInstance)
                    .extracting(action -> ((Action.RemoveContainer) action).name()).containsExactly(sick);
        }

        @Test
        void aNewReplicaCountsAsAvailableOnlyAfterMinReadySeconds() {
            UnaryOperator<DeploymentSpec> strategy = spec -> spec.rollingUpdate(1, 0).minReadySeconds(10);
            DesiredState v1 = web(2, "app:1", strategy);
            servers.apply(planner.plan(v1, servers.viewNow(), Map.of())).advance(60);
            DesiredState v2 = web(2, "app:2", strategy);
            servers.apply(planner.plan(v2, servers.viewNow(), Map.of()));

            Plan early = planner.plan(v2, servers.advance(5).viewNow(), Map.of());
            Plan later = planner.plan(v2, servers.advance(5).viewNow(), Map.of());

            assertThat(early.waiting()).isTrue();
            assertThat(removals(later)).isEqualTo(1);
        }

        @Test
        void aDeadOldReplicaIsReplacedByANewOneWithinTheSurge() {
            converge(web(4, "app:1", surgeOne));
            servers.newContainersReport("starting");
            DesiredState v2 = web(4, "app:2", surgeOne);
            step(v2);
            String killed = containersOf("app:1").get(0);
            servers.exit(killed, 137);

            Plan plan = step(v2);

            assertThat(starts(plan)).isEqualTo(1);
            assertThat(removed(plan)).containsExactly(killed);
            assertThat(describe(plan)).filteredOn(line -> line.contains("remove")).singleElement().asString()
                    .endsWith("(dead (exited 137))");
        }
    }

    @Nested
    class Recreate {
        @Test
        void removesEveryOldReplicaFirstThenStartsTheNewOnes() {
            UnaryOperator<DeploymentSpec> recreate = DeploymentSpec::recreate;
            converge(web(3, "app:1", recreate));
            DesiredState v2 = web(3, "app:2", recreate);

            Plan first = step(v2);
            Plan second = step(v2);

            assertThat(pulls(first)).hasSize(3);
            assertThat(starts(first)).isZero();
            assertThat(removals(first)).isEqualTo(3);
            assertThat(starts(second)).isEqualTo(3);
            assertThat(removals(second)).isZero();
            assertThat(step(v2).complete()).isTrue();
        }
    }

    @Nested
    class Paused {
        private final UnaryOperator<DeploymentSpec> surgeOne = spec -> spec.rollingUpdate(1, 0);

        @Test
        void aChangedTemplateStartsNothingAndStopsNothing() {
            converge(web(3, "app:1", surgeOne));

            Plan plan = step(web(3, "app:2", spec -> surgeOne.apply(spec).paused(true)));

            assertThat(plan.actions()).isEmpty();
            assertThat(plan.waiting()).isFalse();
            assertThat(plan.complete()).isFalse();
            assertThat(plan.rollouts().get("default/web"))
                    .isEqualTo(new RolloutProgress("default/web", 2, 3, 0, 3, 3, true, false));
        }

        @Test
        void replacesDeadReplicasOfTheCurrentTemplateOnly() {
            converge(web(4, "app:1", surgeOne));
            step(web(4, "app:2", surgeOne));
            String deadNew = containersOf("app:2").get(0);
            servers.exit(deadNew, 1).exit(containersOf("app:1").get(0), 1);

            Plan plan = step(web(4, "app:2", spec -> surgeOne.apply(spec).paused(true)));

            assertThat(starts(plan)).isEqualTo(1);
            assertThat(removed(plan)).containsExactly(deadNew);
            assertThat(plan.actions()).filteredOn(Action.RunContainer.class::isInstance)
                    .extracting(action -> ((Action.RunContainer) action).image()).containsExactly("app:2");
        }

        @Test
        void stillScalesWhenNoRolloutIsUnderway() {
            converge(web(3, "app:1", surgeOne));

            Plan plan = step(web(4, "app:1", spec -> surgeOne.apply(spec).paused(true)));

            assertThat(starts(plan)).isEqualTo(1);
        }
    }

    @Nested
    class PrePulls {
        @Test
        void pullOnlyOnNodesThatCouldRunTheNewTemplateAndOnlyInTheFirstWave() {
            servers = Servers.three().node("node-4", 4000, 8 * Servers.GI)
                    .label("node-1", "zone", "a").label("node-2", "zone", "a").label("node-3", "zone", "a")
                    .label("node-4", "zone", "b");
            DesiredState v1 = template("1");
            converge(v1);
            servers.cordon("node-1").reachable("node-2", false);
            DesiredState v2 = template("2");

            Plan first = step(v2);
            Plan second = step(v2);

            assertThat(pulls(first)).containsExactly("node-3: pull always:2", "node-3: pull present:2 (if missing)");
            assertThat(pulls(second)).isEmpty();
        }

        private DesiredState template(String version) {
            Deployment deployment = new DeploymentSpec("web").replicas(2).rollingUpdate(1, 1).nodeSelector("zone", "a")
                    .container(new ContainerSpec("a", "always:" + version).pullPolicy("Always"))
                    .container(new ContainerSpec("b", "present:" + version))
                    .container(new ContainerSpec("c", "local:" + version).pullPolicy("Never"))
                    .build();
            return desired(deployment);
        }
    }

    @Test
    void replicasOfOtherTemplatesAreNeverCountedAsTheNewOne() {
        converge(web(2, "app:1", UnaryOperator.identity()));

        Plan plan = planner.plan(web(2, "app:2", UnaryOperator.identity()), servers.view(), Map.of());

        assertThat(plan.rollouts().get("default/web"))
                .isEqualTo(new RolloutProgress("default/web", 2, 2, 0, 2, 2, false, false));
        assertThat(servers.containers("node-1")).allMatch(c -> c.label(BerthLabels.REVISION).equals("1"));
    }
}
