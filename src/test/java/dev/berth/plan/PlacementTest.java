package dev.berth.plan;

import dev.berth.model.Deployment;
import dev.berth.model.PodSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.plan.Plans.desired;
import static org.assertj.core.api.Assertions.assertThat;

class PlacementTest {
    private final Planner planner = new Planner(Plans.sequence());

    private static Deployment app(String name, int replicas, String cpu, String memory) {
        return new DeploymentSpec(name).replicas(replicas)
                .container(new ContainerSpec("app", "registry/" + name + ":1").requests(cpu, memory)).build();
    }

    private static Map<String, List<String>> placed(Servers servers, Plan plan) {
        return servers.apply(plan).pods();
    }

    private static List<String> reasons(Plan plan) {
        return plan.pending().stream().map(PendingReplica::reason).toList();
    }

    @Nested
    class Candidates {
        @Test
        void skipsCordonedNodes() {
            Servers servers = Servers.three().cordon("node-2");

            Plan plan = planner.plan(desired(app("web", 3, "100m", "128Mi")), servers.view(), Map.of());

            assertThat(plan.actions()).noneMatch(action -> action.node().equals("node-2"));
            assertThat(placed(servers, plan)).containsEntry("node-1", List.of("web-" + hash("web", 3) + "-a0001",
                    "web-" + hash("web", 3) + "-a0003")).containsEntry("node-2", List.of());
        }

        @Test
        void honoursTheNodeSelectorAndTheBuiltInHostnameLabels() {
            Servers servers = Servers.three().label("node-3", "disk", "ssd");
            Deployment onSsd = new DeploymentSpec("db").replicas(2).nodeSelector("disk", "ssd")
                    .container(new ContainerSpec("db", "postgres:16")).build();
            Deployment onNode2 = new DeploymentSpec("cache").nodeSelector("kubernetes.io/hostname", "node-2")
                    .container(new ContainerSpec("redis", "redis:7")).build();

            Plan plan = planner.plan(desired(onSsd, onNode2), servers.view(), Map.of());

            assertThat(placed(servers, plan)).containsExactly(Map.entry("node-1", List.of()),
                    Map.entry("node-2", List.of("cache-" + SpecHash.of(onNode2, desired()) + "-a0001")),
                    Map.entry("node-3", List.of("db-" + SpecHash.of(onSsd, desired()) + "-a0002",
                            "db-" + SpecHash.of(onSsd, desired()) + "-a0003")));
        }

        @Test
        void keepsAReplicaWithTheNodeHoldingItsClaimVolume() {
            Servers servers = Servers.three().volume("node-2", "berth_default_data");
            Deployment db = new DeploymentSpec("db")
                    .volume(new PodSpec.Volume("data", new PodSpec.ClaimSource("data", false), null, null, null, null))
                    .container(new ContainerSpec("db", "postgres:16").mount("data", "/var/lib/postgresql", false, null))
                    .build();
            DesiredState desired = desired(List.of(db), List.of(), List.of(), List.of(Plans.claim("data")));

            Plan plan = planner.plan(desired, servers.view(), Map.of());

            assertThat(plan.actions()).filteredOn(a -> a instanceof Action.RunContainer)
                    .extracting(Action::node).containsExactly("node-2");
        }

        @Test
        void neverPutsTwoReplicasOnOneFixedHostPort() {
            Servers servers = new Servers().node("node-1", 4000, 8 * Servers.GI);
            Deployment edge = new DeploymentSpec("edge").replicas(2)
                    .container(new ContainerSpec("nginx", "nginx:1.27").hostPort(80, 8080, "TCP")).build();

            Plan plan = planner.plan(desired(edge), servers.view(), Map.of());

            assertThat(plan.actions()).filteredOn(a -> a instanceof Action.RunContainer).hasSize(1);
            assertThat(reasons(plan)).containsExactly("0/1 nodes fit: 1 host port in use");
        }
    }

    @Nested
    class WhenNothingFits {
        @Test
        void saysWhyPerNodeCountedLikeKubernetes() {
            Servers servers = Servers.three().cordon("node-3");

            Plan plan = planner.plan(desired(app("big", 1, "100m", "16Gi")), servers.view(), Map.of());

            assertThat(plan.actions()).isEmpty();
            assertThat(plan.pending()).containsExactly(
                    new PendingReplica("default/big", "0/3 nodes fit: 2 insufficient memory, 1 cordoned"));
        }

        @Test
        void givesEachNodeOneReasonInAFixedPrecedence() {
            Servers servers = new Servers().node("a", 1000, Servers.GI).node("b", 1000, Servers.GI)
                    .node("c", 1000, Servers.GI).node("d", 1000, Servers.GI).node("e", 100, Servers.GI)
                    .reachable("a", false).cordon("a").cordon("b").label("d", "zone", "x").label("e", "zone", "x");
            Deployment picky = new DeploymentSpec("picky").nodeSelector("zone", "x")
                    .container(new ContainerSpec("app", "app:1").requests("500m", "2Gi")).build();

            assertThat(reasons(planner.plan(desired(picky), servers.view(), Map.of()))).containsExactly(
                    "0/5 nodes fit: 1 cordoned, 1 insufficient cpu, 1 insufficient memory, 1 node selector mismatch, "
                            + "1 unreachable");
        }

        @Test
        void reportsEveryReplicaThatCouldNotBePlaced() {
            Servers servers = new Servers().node("node-1", 1000, 8 * Servers.GI);

            Plan plan = planner.plan(desired(app("web", 3, "400m", "1Gi")), servers.view(), Map.of());

            assertThat(plan.actions()).filteredOn(a -> a instanceof Action.RunContainer).hasSize(2);
            assertThat(reasons(plan)).containsExactly("0/1 nodes fit: 1 insufficient cpu");
        }

        @Test
        void usesLimitsAsRequestsWhenOnlyLimitsAreSet() {
            Servers servers = new Servers().node("node-1", 4000, Servers.GI);
            Deployment limited = new DeploymentSpec("limited")
                    .container(new ContainerSpec("app", "app:1").limits(null, "2Gi")).build();

            assertThat(reasons(planner.plan(desired(limited), servers.view(), Map.of())))
                    .containsExactly("0/1 nodes fit: 1 insufficient memory");
        }

        @Test
        void saysSoWhenThereAreNoNodes() {
            assertThat(reasons(planner.plan(desired(app("web", 1, "1", "1Gi")), new ClusterView(List.of()), Map.of())))
                    .containsExactly("0/0 nodes fit");
        }
    }

    @Nested
    class Choosing {
        @Test
        void spreadsReplicasOverNodesBeforeDoublingUp() {
            Servers servers = new Servers().node("big", 32000, 128 * Servers.GI)
                    .node("small-1", 2000, 4 * Servers.GI).node("small-2", 2000, 4 * Servers.GI);

            Plan plan = planner.plan(desired(app("web", 4, "100m", "128Mi")), servers.view(), Map.of());

            assertThat(plan.actions()).filteredOn(a -> a instanceof Action.RunContainer).extracting(Action::node)
                    .containsExactly("big", "small-1", "small-2", "big");
        }

        @Test
        void putsANewReplicaOnTheFreestNode() {
            Servers servers = Servers.three();
            servers.apply(planner.plan(desired(app("db", 2, "2", "4Gi")), servers.view(), Map.of()));

            Plan plan = planner.plan(desired(app("db", 2, "2", "4Gi"), app("web", 1, "100m", "128Mi")),
                    servers.view(), Map.of());

            assertThat(plan.actions()).filteredOn(a -> a instanceof Action.RunContainer).extracting(Action::node)
                    .containsExactly("node-3");
        }

        @Test
        void weighsFreeCpuAndFreeMemoryAlike() {
            Servers servers = new Servers().node("cpu-rich", 8000, 4 * Servers.GI).node("memory-rich", 2000, 32 * Servers.GI);

            Plan plan = planner.plan(desired(app("web", 1, "1", "2Gi")), servers.view(), Map.of());

            // cpu-rich: (7/8 + 2/4) / 2 = 0.6875; memory-rich: (1/2 + 30/32) / 2 = 0.71875
            assertThat(plan.actions()).filteredOn(a -> a instanceof Action.RunContainer).extracting(Action::node)
                    .containsExactly("memory-rich");
        }

        @Test
        void breaksTiesByLiveUsage() {
            Servers servers = Servers.three().usage("node-1", 0.9).usage("node-2", 0.1).usage("node-3", 0.5);

            Plan plan = planner.plan(desired(app("web", 1, "100m", "128Mi")), servers.view(), Map.of());

            assertThat(plan.actions()).filteredOn(a -> a instanceof Action.RunContainer).extracting(Action::node)
                    .containsExactly("node-2");
        }

        @Test
        void countsWhatBerthAlreadyPlacedAgainstCapacity() {
            Servers servers = new Servers().node("node-1", 2000, 8 * Servers.GI);
            servers.apply(planner.plan(desired(app("web", 1, "1500m", "1Gi")), servers.view(), Map.of()));

            Plan plan = planner.plan(desired(app("web", 1, "1500m", "1Gi"), app("api", 1, "1", "1Gi")),
                    servers.view(), Map.of());

            assertThat(reasons(plan)).containsExactly("0/1 nodes fit: 1 insufficient cpu");
        }
    }

    private static String hash(String name, int replicas) {
        return SpecHash.of(app(name, replicas, "100m", "128Mi"), desired());
    }
}
