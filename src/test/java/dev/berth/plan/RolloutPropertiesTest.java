package dev.berth.plan;

import dev.berth.model.BerthLabels;
import dev.berth.model.IntOrString;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rollout from {@code app:1} to {@code app:2}, step by step, on simulated servers where a new replica turns
 * ready some steps after it starts (or never, as a version that never listens). At every step, counting a
 * step's starts before its removals as the executor runs them: no more alive replicas than
 * {@code replicas + maxSurge}; no fewer available ones than {@code replicas - maxUnavailable} (or than were
 * available, after a replica was killed); Recreate never has old and new replicas alive together; and when new
 * replicas turn ready, the rollout completes in a bounded number of steps.
 */
class RolloutPropertiesTest {
    private static final String DEPLOYMENT = "default/web";

    record Strategy(boolean recreate, IntOrString maxSurge, IntOrString maxUnavailable) {
    }

    /**
     * @param readyAfter steps after its start at which a new replica turns ready; negative for never
     * @param killAt     the step before which one replica is killed; negative for none
     */
    record Scenario(int nodes, int replicas, Strategy strategy, int readyAfter, int killAt, int victim, long seed) {
    }

    /** Alive and available replicas of the Deployment, by template. */
    record Census(int oldAlive, int newAlive, int available) {
        int alive() {
            return oldAlive + newAlive;
        }
    }

    @Property(tries = 400)
    void wavesKeepTheirLimitsAndFinish(@ForAll("scenarios") Scenario scenario) {
        Servers servers = new Servers();
        for (int i = 0; i < scenario.nodes(); i++) {
            servers.node("n" + i, 4000, 8 * Servers.GI);
        }
        Planner planner = new Planner(PodNames.seeded(scenario.seed()));
        DesiredState v1 = desired(scenario, "app:1");
        DesiredState v2 = desired(scenario, "app:2");
        for (int i = 0; i < 3 && !planner.plan(v1, servers.view(), Map.of()).complete(); i++) {
            servers.apply(planner.plan(v1, servers.view(), Map.of()));
        }
        assertThat(census(servers).oldAlive()).isEqualTo(scenario.replicas());
        servers.newContainersReport("starting");

        int replicas = scenario.replicas();
        int surge = scenario.strategy().recreate() ? 0 : scenario.strategy().maxSurge().resolve(replicas, true);
        int unavailable = scenario.strategy().recreate() ? replicas
                : scenario.strategy().maxUnavailable().resolve(replicas, false);
        if (surge == 0 && unavailable == 0) {
            unavailable = 1;
        }
        int minAvailable = replicas - Math.min(unavailable, replicas);
        int bound = scenario.readyAfter() < 0 ? 3 * replicas + 10 : (replicas + 2) * (scenario.readyAfter() + 3) + 5;
        Map<String, Integer> ages = new HashMap<>();
        Plan plan = null;
        for (int step = 0; step < bound; step++) {
            if (step == scenario.killAt()) {
                kill(servers, scenario.victim());
            }
            Census before = census(servers);
            plan = planner.plan(v2, servers.view(), Map.of());
            int started = pods(plan, Action.RunContainer.class);
            if (!scenario.strategy().recreate()) {
                assertThat(before.alive() + started).as("alive at the peak of step " + step)
                        .isLessThanOrEqualTo(replicas + surge);
            } else {
                assertThat(started > 0 && before.oldAlive() > 0).as("old and new together at step " + step).isFalse();
            }
            if (plan.complete()) {
                break;
            }
            servers.apply(plan);
            Census after = census(servers);
            if (!scenario.strategy().recreate()) {
                assertThat(after.available()).as("available after step " + step)
                        .isGreaterThanOrEqualTo(Math.min(minAvailable, before.available()));
            }
            ripen(servers, ages, scenario.readyAfter());
        }

        if (scenario.readyAfter() >= 0) {
            assertThat(plan.complete()).as("complete within " + bound + " steps").isTrue();
            assertThat(census(servers)).isEqualTo(new Census(0, replicas, replicas));
        } else {
            assertThat(plan.complete()).isFalse();
            assertThat(plan.waiting()).as("waiting for replicas that never turn ready").isTrue();
        }
    }

    private static DesiredState desired(Scenario scenario, String image) {
        DeploymentSpec spec = new DeploymentSpec("web").replicas(scenario.replicas())
                .container(new ContainerSpec("app", image).requests("100m", "64Mi"));
        Strategy strategy = scenario.strategy();
        if (strategy.recreate()) {
            spec.recreate();
        } else {
            spec.rollingUpdate(strategy.maxSurge(), strategy.maxUnavailable());
        }
        return Plans.desired(spec.build());
    }

    /** How many replicas a plan's actions of one kind touch. */
    private static int pods(Plan plan, Class<? extends Action> kind) {
        return (int) plan.actions().stream().filter(kind::isInstance)
                .map(action -> action instanceof Action.RunContainer run ? run.pod() : action.toString())
                .distinct().count();
    }

    private static Census census(Servers servers) {
        List<ObservedPod> pods = servers.view().nodes().stream()
                .flatMap(node -> ObservedPod.group(node.name(), node.containers()).stream())
                .filter(pod -> DEPLOYMENT.equals(Planner.deployment(pod)) && pod.alive()).toList();
        int old = (int) pods.stream().filter(pod -> pod.containers().get(0).image().equals("app:1")).count();
        int available = (int) pods.stream().filter(ObservedPod::ready).count();
        return new Census(old, pods.size() - old, available);
    }

    /** New replicas turn ready {@code readyAfter} steps after they started; never when it is negative. */
    private static void ripen(Servers servers, Map<String, Integer> ages, int readyAfter) {
        Set<String> starting = servers.view().nodes().stream().flatMap(node -> node.containers().stream())
                .filter(c -> "starting".equals(c.health())).map(ObservedContainer::name).collect(Collectors.toSet());
        for (String container : starting) {
            int age = ages.merge(container, 1, Integer::sum);
            if (readyAfter >= 0 && age > readyAfter) {
                servers.health(container, "healthy");
            }
        }
    }

    private static void kill(Servers servers, int victim) {
        List<ObservedContainer> replicas = servers.view().nodes().stream().flatMap(node -> node.containers().stream())
                .filter(c -> c.label(BerthLabels.POD) != null && c.running()).toList();
        if (!replicas.isEmpty()) {
            servers.exit(replicas.get(victim % replicas.size()).name(), 137);
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<IntOrString> limit = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 3).map(IntOrString::of),
                Arbitraries.of("0%", "10%", "25%", "30%", "50%", "100%").map(IntOrString::of));
        Arbitrary<Strategy> strategy = Combinators.combine(Arbitraries.of(false, false, false, true), limit, limit)
                .as(Strategy::new);
        return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 6),
                strategy, Arbitraries.integers().between(-1, 3), Arbitraries.integers().between(-4, 8),
                Arbitraries.integers().between(0, 20), Arbitraries.longs()).as(Scenario::new);
    }
}
