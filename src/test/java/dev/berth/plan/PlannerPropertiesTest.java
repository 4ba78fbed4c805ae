package dev.berth.plan;

import dev.berth.model.BerthLabels;
import dev.berth.model.Deployment;
import dev.berth.model.ObservedContainer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random clusters, Deployments and mishaps: the plan never touches containers berth did not create, never
 * acts on an unreachable node, never puts more requests on a node than it holds, and planning again after each
 * step reaches a plan with nothing to do, where every rollout is complete unless a replica is pending.
 */
class PlannerPropertiesTest {

    record NodeSpec(long cpuMillis, long memoryGi, String zone, boolean cordoned, boolean unmanaged) {
    }

    record AppSpec(int replicas, String cpu, String memory, int version, boolean zoned) {
    }

    record Scenario(List<NodeSpec> nodes, List<AppSpec> before, List<AppSpec> after, List<Boolean> reachableAfter,
                    List<Integer> kills, long seed) {
    }

    @Property(tries = 300)
    void plansAreSafeAndReachAFixedPoint(@ForAll("scenarios") Scenario scenario) {
        Servers servers = new Servers();
        for (int i = 0; i < scenario.nodes().size(); i++) {
            NodeSpec node = scenario.nodes().get(i);
            servers.node("n" + i, node.cpuMillis(), node.memoryGi() * Servers.GI).label("n" + i, "zone", node.zone());
            if (node.cordoned()) {
                servers.cordon("n" + i);
            }
            if (node.unmanaged()) {
                servers.unmanaged("n" + i, "by-hand-" + i, Map.of(BerthLabels.DEPLOYMENT, "d0"));
            }
        }
        Planner planner = new Planner(PodNames.seeded(scenario.seed()));
        converge(planner, servers, desired(scenario.before()));

        for (int kill : scenario.kills()) {
            List<ObservedContainer> managed = scenario.nodes().isEmpty() ? List.of()
                    : servers.containers("n" + kill % scenario.nodes().size()).stream()
                    .filter(ObservedContainer::managedByBerth).toList();
            if (!managed.isEmpty()) {
                servers.exit(managed.get(kill % managed.size()).name(), 137);
            }
        }
        for (int i = 0; i < scenario.nodes().size(); i++) {
            servers.reachable("n" + i, scenario.reachableAfter().get(i));
        }
        converge(planner, servers, desired(scenario.after()));
    }

    private static void converge(Planner planner, Servers servers, DesiredState desired) {
        for (int run = 0; run < 30; run++) {
            ClusterView view = servers.view();
            Set<String> unmanaged = view.nodes().stream().flatMap(n -> n.containers().stream())
                    .filter(c -> !c.managedByBerth()).map(ObservedContainer::id).collect(Collectors.toSet());
            Set<String> unreachable = view.nodes().stream().filter(n -> !n.reachable()).map(NodeView::name)
                    .collect(Collectors.toSet());
            Plan plan = planner.plan(desired, view, Map.of());

            assertThat(plan.actions()).noneMatch(a -> a instanceof Action.RemoveContainer remove
                    && unmanaged.contains(remove.containerId()));
            assertThat(plan.actions()).noneMatch(a -> unreachable.contains(a.node()));
            servers.apply(plan);
            view.nodes().forEach(node -> assertWithinCapacity(node, servers.containers(node.name())));
            if (plan.actions().isEmpty()) {
                assertThat(plan.complete() || !plan.pending().isEmpty()).as("complete unless pending").isTrue();
                return;
            }
        }
        throw new AssertionError("no fixed point after 30 runs");
    }

    private static void assertWithinCapacity(NodeView node, List<ObservedContainer> containers) {
        List<ObservedContainer> alive = containers.stream().filter(ObservedContainer::running)
                .filter(ObservedContainer::managedByBerth).toList();
        long cpu = alive.stream().mapToLong(c -> Long.parseLong(c.labels().getOrDefault(BerthLabels.CPU_REQUEST, "0")))
                .sum();
        long memory = alive.stream()
                .mapToLong(c -> Long.parseLong(c.labels().getOrDefault(BerthLabels.MEMORY_REQUEST, "0"))).sum();
        assertThat(cpu).as("cpu requests on " + node.name()).isLessThanOrEqualTo(node.capacity().cpuMillis());
        assertThat(memory).as("memory requests on " + node.name()).isLessThanOrEqualTo(node.capacity().memoryBytes());
    }

    private static DesiredState desired(List<AppSpec> apps) {
        List<Deployment> deployments = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            AppSpec app = apps.get(i);
            if (app == null) {
                continue;
            }
            DeploymentSpec spec = new DeploymentSpec("d" + i).replicas(app.replicas())
                    .container(new ContainerSpec("app", "app" + i + ":" + app.version()).requests(app.cpu(), app.memory()));
            if (app.zoned()) {
                spec.nodeSelector("zone", "a");
            }
            deployments.add(spec.build());
        }
        return Plans.desired(deployments.toArray(Deployment[]::new));
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<NodeSpec> node = Builders.withBuilder(() -> new NodeSpec(0, 0, "", false, false))
                .use(Arbitraries.of(1000L, 2000L, 4000L)).in((n, cpu) -> new NodeSpec(cpu, n.memoryGi(), n.zone(),
                        n.cordoned(), n.unmanaged()))
                .use(Arbitraries.of(1L, 2L, 4L, 8L)).in((n, gi) -> new NodeSpec(n.cpuMillis(), gi, n.zone(),
                        n.cordoned(), n.unmanaged()))
                .use(Arbitraries.of("a", "b")).in((n, zone) -> new NodeSpec(n.cpuMillis(), n.memoryGi(), zone,
                        n.cordoned(), n.unmanaged()))
                .use(Arbitraries.of(false, false, false, true)).in((n, c) -> new NodeSpec(n.cpuMillis(),
                        n.memoryGi(), n.zone(), c, n.unmanaged()))
                .use(Arbitraries.of(false, true)).in((n, u) -> new NodeSpec(n.cpuMillis(), n.memoryGi(), n.zone(),
                        n.cordoned(), u))
                .build();
        Arbitrary<AppSpec> app = Arbitraries.integers().between(0, 4).flatMap(replicas ->
                Arbitraries.of("0", "250m", "500m", "1").flatMap(cpu ->
                        Arbitraries.of("0", "256Mi", "1Gi", "3Gi").flatMap(memory ->
                                Arbitraries.integers().between(1, 2).flatMap(version ->
                                        Arbitraries.of(false, false, true).map(zoned ->
                                                new AppSpec(replicas, cpu, memory, version, zoned))))));
        Arbitrary<List<AppSpec>> apps = app.injectNull(0.2).list().ofMinSize(1).ofMaxSize(3);
        return node.list().ofMinSize(1).ofMaxSize(4).flatMap(nodes -> apps.flatMap(before -> apps.flatMap(after ->
                Arbitraries.of(true, true, false).list().ofSize(nodes.size()).flatMap(reachable ->
                        Arbitraries.integers().between(0, 20).list().ofMaxSize(3).flatMap(kills ->
                                Arbitraries.longs().map(seed ->
                                        new Scenario(nodes, before, after, reachable, kills, seed)))))));
    }
}
