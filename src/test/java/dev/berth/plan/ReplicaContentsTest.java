package dev.berth.plan;

import dev.berth.model.Deployment;
import dev.berth.model.PodSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.berth.plan.Plans.configMap;
import static dev.berth.plan.Plans.describe;
import static dev.berth.plan.Plans.desired;
import static dev.berth.plan.Plans.secret;
import static org.assertj.core.api.Assertions.assertThat;

/** What a new replica consists of: files, pulls and the containers' argv. */
class ReplicaContentsTest {
    private final Servers servers = new Servers().node("node-1", 4000, 8 * Servers.GI);
    private final Planner planner = new Planner(Plans.sequence());

    private Plan plan(DesiredState desired) {
        return planner.plan(desired, servers.view(), Map.of());
    }

    private static List<Action.RunContainer> runs(Plan plan) {
        return plan.actions().stream().filter(a -> a instanceof Action.RunContainer)
                .map(a -> (Action.RunContainer) a).toList();
    }

    @Nested
    class SecretsInTheEnvironment {
        private final Deployment api = new DeploymentSpec("api")
                .container(new ContainerSpec("app", "api:2").env("MODE", "live")
                        .envFromSecret("DB_PASSWORD", "db", "password")).build();
        private final DesiredState desired = desired(List.of(api), List.of(),
                List.of(secret("db", "password", "hunter2")), List.of());
        private final String pod = Plans.pod(api, desired, "a0001");

        @Test
        void goIntoAnEnvFileOnlyBerthsUserCanRead() {
            Plan plan = plan(desired);

            Action.WriteFile file = (Action.WriteFile) plan.actions().get(1);
            assertThat(file.path()).isEqualTo("/home/berth/.berth/pods/default/" + pod + "/env/app.env");
            assertThat(file.mode()).isEqualTo(0600);
            assertThat(file.sensitive()).isTrue();
            assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("DB_PASSWORD=hunter2\n");
            assertThat(runs(plan).get(0).argv()).containsSubsequence("--env", "MODE=live",
                    "--env-file", "/home/berth/.berth/pods/default/" + pod + "/env/app.env");
        }

        @Test
        void neverAppearInTheArgvOrTheDescription() {
            Plan plan = plan(desired);

            assertThat(plan.actions()).allSatisfy(action -> {
                assertThat(action.describe()).doesNotContain("hunter2");
                assertThat(action.toString()).doesNotContain("hunter2");
            });
            assertThat(runs(plan).get(0).argv()).noneMatch(word -> word.contains("hunter2"));
            assertThat(describe(plan)).contains("node-1: write /home/berth/.berth/pods/default/" + pod
                    + "/env/app.env (0600, 20 bytes, secret)");
        }

        @Test
        void thatCannotBeAnEnvFileLineKeepTheReplicaPending() {
            DesiredState multiline = desired(List.of(api), List.of(),
                    List.of(secret("db", "password", "line one\nline two")), List.of());

            Plan plan = plan(multiline);

            assertThat(plan.actions()).isEmpty();
            assertThat(plan.pending()).containsExactly(new PendingReplica("default/api", "secret \"db\" key "
                    + "\"password\" has a line break and cannot be an environment variable; mount it as a file"));
        }
    }

    @Nested
    class ConfigMaps {
        private final Deployment web = new DeploymentSpec("web")
                .volume(new PodSpec.Volume("conf", null, null, null,
                        new PodSpec.ConfigMapSource("web-config", List.of(), 0644, null), null))
                .container(new ContainerSpec("app", "nginx:1.27").allOfConfigMap("CFG_", "web-config")
                        .envFromConfigMap("LEVEL", "web-config", "level").env("LEVEL", "debug")
                        .mount("conf", "/etc/app", false, null)).build();
        private final DesiredState desired = desired(List.of(web),
                List.of(configMap("web-config", Map.of("level", "info", "app.conf", "listen 80;"))), List.of(),
                List.of());

        @Test
        void resolveIntoTheArgvWithLaterDefinitionsWinning() {
            List<String> argv = runs(plan(desired)).get(0).argv();

            String pod = Plans.pod(web, desired, "a0001");
            assertThat(argv).containsSubsequence("--env", "CFG_app.conf=listen 80;", "--env", "CFG_level=info",
                    "--env", "LEVEL=debug", "--mount", "type=volume,src=berth_default_" + pod + "_conf,dst=/etc/app,"
                            + "volume-label=berth.dev/pod=" + pod + ",volume-nocopy");
        }

        @Test
        void becomeFilesCopiedIntoTheContainerBeforeItStarts() {
            String pod = Plans.pod(web, desired, "a0001");
            Plan plan = plan(desired);

            assertThat(describe(plan)).containsExactly(
                    "node-1: ensure network berth",
                    "node-1: start container default_" + pod + "_app (nginx:1.27, 2 files copied in)");
            Action.RunContainer run = runs(plan).get(0);
            assertThat(run.argv().subList(0, 5)).containsExactly("sh", "-c", run.argv().get(2), "sh", "--name");
            assertThat(run.argv().get(2)).contains("docker create", "docker cp --archive - ", "docker start");
            assertThat(run.files().entries()).extracting(Object::toString).containsExactly(
                    "etc/app 0755 directory", "etc/app/app.conf 0644 10 bytes", "etc/app/level 0644 4 bytes");
        }

        @Test
        void mountedAtTheRootOrThroughDotDotKeepTheReplicaPending() {
            for (String path : List.of("/", "/etc/../..")) {
                Deployment rooted = new DeploymentSpec("web")
                        .volume(new PodSpec.Volume("conf", null, null, null,
                                new PodSpec.ConfigMapSource("web-config", List.of(), 0644, null), null))
                        .container(new ContainerSpec("app", "nginx:1.27").mount("conf", path, false, null)).build();

                Plan plan = plan(desired(List.of(rooted), List.of(configMap("web-config", Map.of("a", "b"))),
                        List.of(), List.of()));

                assertThat(plan.actions()).isEmpty();
                assertThat(plan.pending()).containsExactly(new PendingReplica("default/web", "mountPath \"" + path
                        + "\" of a ConfigMap or Secret volume must be below / and must not contain \"..\""));
            }
        }

        @Test
        void withASubPathPutTheOneFileItNamesAtTheMountPathWithNoMount() {
            Deployment single = new DeploymentSpec("web")
                    .volume(new PodSpec.Volume("conf", null, null, null, new PodSpec.ConfigMapSource("web-config",
                            List.of(new PodSpec.KeyToPath("app.conf", "nginx.conf", 0440)), 0644, null), null))
                    .container(new ContainerSpec("app", "nginx:1.27")
                            .mount("conf", "/etc/nginx/nginx.conf", true, "nginx.conf")).build();
            DesiredState withSubPath = desired(List.of(single),
                    List.of(configMap("web-config", Map.of("level", "info", "app.conf", "listen 80;"))), List.of(),
                    List.of());

            Action.RunContainer run = runs(plan(withSubPath)).get(0);

            assertThat(run.files().entries()).extracting(Object::toString)
                    .containsExactly("etc/nginx/nginx.conf 0440 10 bytes");
            assertThat(run.argv()).noneMatch(word -> word.contains("dst=/etc/nginx"));
        }

        @Test
        void thatAreMissingKeepTheReplicaPendingWithTheReason() {
            Plan plan = plan(desired(web));

            assertThat(plan.actions()).isEmpty();
            assertThat(plan.pending()).containsExactly(
                    new PendingReplica("default/web", "configmap \"web-config\" not found"));
        }
    }

    @Nested
    class MultiContainerReplicas {
        private final Deployment app = new DeploymentSpec("shop")
                .container(new ContainerSpec("app", "shop:3").port(8080))
                .container(new ContainerSpec("metrics", "exporter:1").port(9100)).build();

        @Test
        void shareTheFirstContainersNetworkWhichPublishesEveryPort() {
            String pod = Plans.pod(app, desired(app), "a0001");
            List<Action.RunContainer> runs = runs(plan(desired(app)));

            assertThat(runs).extracting(Action.RunContainer::container)
                    .containsExactly("default_" + pod + "_app", "default_" + pod + "_metrics");
            String address = servers.view().nodes().get(0).address();
            assertThat(runs.get(0).argv()).containsSubsequence("--network", "berth", "--hostname", pod,
                    "--dns-search", "default.svc.cluster.local", "--dns-option", "ndots:1",
                    "--publish", address + "::8080/tcp", "--publish", address + "::9100/tcp");
            assertThat(runs.get(1).argv()).containsSubsequence("--network", "container:default_" + pod + "_app")
                    .doesNotContain("--publish", "--hostname", "--dns-search");
        }

        @Test
        void areCompleteOrReplaced() {
            servers.apply(plan(desired(app)));
            Servers incomplete = servers;
            String pod = Plans.pod(app, desired(app), "a0001");
            List<Action> removeMetrics = List.of(new Action.RemoveContainer("node-1",
                    incomplete.containers("node-1").get(1).id(), "default_" + pod + "_metrics", "test"));
            incomplete.apply(new Plan(removeMetrics, List.of(), Map.of()));

            assertThat(describe(plan(desired(app)))).contains(
                    "node-1: remove container default_" + pod + "_app (incomplete (1 of 2 containers))");
        }
    }

    @Nested
    class Images {
        @Test
        void arePulledFirstWhenThePolicyIsAlways() {
            Deployment latest = new DeploymentSpec("web").replicas(2)
                    .container(new ContainerSpec("app", "nginx:latest").pullPolicy("Always")).build();
            servers.node("node-2", 4000, 8 * Servers.GI);

            assertThat(describe(plan(desired(latest)))).containsExactly(
                    "node-1: ensure network berth", "node-2: ensure network berth",
                    "node-1: pull nginx:latest", "node-2: pull nginx:latest",
                    "node-1: start container default_" + Plans.pod(latest, desired(latest), "a0001") + "_app "
                            + "(nginx:latest)",
                    "node-2: start container default_" + Plans.pod(latest, desired(latest), "a0002") + "_app "
                            + "(nginx:latest)");
        }
    }
}
