package dev.berth.docker;

import dev.berth.archive.FileArchive;
import dev.berth.model.Container;
import dev.berth.model.IntOrString;
import dev.berth.model.Probe;
import dev.berth.model.Quantity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerRunCommandTest {
    private static final Map<String, String> LABELS = Map.of("berth.dev/pod", "web-1a2b3c4d5e-x7k2p",
            "berth.dev/managed", "true");

    private static Container container(List<String> command, List<String> args) {
        return new Container("app", "nginx:1.27", "IfNotPresent", command, args, null, List.of(), List.of(),
                List.of(), null, List.of(), null, null, null);
    }

    private static ContainerRun run(Container container) {
        return new ContainerRun("default_web-1a2b3c4d5e-x7k2p_app", "web-1a2b3c4d5e-x7k2p", null, "berth", LABELS,
                container, List.of(), List.of(), null, List.of(), false, 30);
    }

    private static String line(ContainerRun run) {
        return String.join(" ", ContainerRunCommand.argv(run));
    }

    private static final String HEAD = "docker run --detach --name default_web-1a2b3c4d5e-x7k2p_app"
            + " --label berth.dev/managed=true --label berth.dev/pod=web-1a2b3c4d5e-x7k2p --restart unless-stopped"
            + " --network berth --hostname web-1a2b3c4d5e-x7k2p";

    @Nested
    class TheSimplestContainer {
        @Test
        void runsDetachedNamedLabelledAndRestartedByDocker() {
            assertThat(line(run(container(List.of(), List.of()))))
                    .isEqualTo(HEAD + " --stop-timeout 30 nginx:1.27");
        }

        @Test
        void refusesAnImageThatDockerWouldReadAsAnOption() {
            Container hostile = new Container("app", "--privileged", "IfNotPresent", List.of(), List.of(), null,
                    List.of(), List.of(), List.of(), null, List.of(), null, null, null);

            assertThatThrownBy(() -> ContainerRunCommand.argv(run(hostile))).hasMessage("not an image: --privileged");
        }
    }

    @Nested
    class FilesCopiedIn {
        private final FileArchive files = new FileArchive(List.of(FileArchive.Entry.directory("etc/app", 0755)));

        @Test
        void createTheContainerWithTheWordsOfTheRunThenCopyThenStart() {
            List<String> argv = ContainerRunCommand.argv(run(container(List.of(), List.of())), files);

            assertThat(argv.subList(0, 4)).containsExactly("sh", "-c", ContainerRunCommand.CREATE_COPY_START, "sh");
            assertThat(String.join(" ", argv.subList(4, argv.size())))
                    .isEqualTo(HEAD.substring("docker run --detach ".length()) + " --stop-timeout 30 nginx:1.27");
            assertThat(ContainerRunCommand.CREATE_COPY_START).startsWith("id=$(docker create \"$@\") || exit $?; ")
                    .contains("docker cp --archive - \"$id:/\" || ").endsWith("docker start \"$id\" >/dev/null "
                            + "|| exit $?; printf '%s\\n' \"$id\"");
        }

        @Test
        void areARunAsEverWhenThereAreNone() {
            ContainerRun run = run(container(List.of(), List.of()));

            assertThat(ContainerRunCommand.argv(run, FileArchive.EMPTY)).isEqualTo(ContainerRunCommand.argv(run));
        }
    }

    @Nested
    class CommandAndArgsMeanWhatTheyMeanOnKubernetes {
        @Test
        void argsAloneReplaceTheImagesCmd() {
            assertThat(line(run(container(List.of(), List.of("-g", "daemon off;")))))
                    .endsWith("--stop-timeout 30 nginx:1.27 -g daemon off;");
        }

        @Test
        void commandReplacesTheEntrypointAndDropsTheCmd() {
            assertThat(ContainerRunCommand.argv(run(container(List.of("/bin/sh", "-c", "echo $HOME; id"), List.of()))))
                    .endsWith("--entrypoint", "/bin/sh", "nginx:1.27", "-c", "echo $HOME; id");
        }

        @Test
        void commandAndArgsFollowEachOther() {
            assertThat(ContainerRunCommand.argv(run(container(List.of("app"), List.of("--port", "80")))))
                    .endsWith("--entrypoint", "app", "nginx:1.27", "--port", "80");
        }
    }

    @Nested
    class Options {
        @Test
        void limitsBecomeMemoryBytesAndFractionalCpus() {
            Container limited = new Container("app", "nginx:1.27", "IfNotPresent", List.of(), List.of(), "/srv",
                    List.of(), List.of(), List.of(), new Container.Resources(Map.of(),
                    Map.of("cpu", Quantity.of("1500m"), "memory", Quantity.of("256Mi"))), List.of(), null, null, null);

            assertThat(line(run(limited))).isEqualTo(HEAD
                    + " --memory 268435456 --cpus 1.5 --workdir /srv --stop-timeout 30 nginx:1.27");
        }

        @Test
        void environmentVariablesAreWholeWordsInTheOrderGiven() {
            ContainerRun run = new ContainerRun("n", "p", null, "berth", Map.of(), container(List.of(), List.of()),
                    List.of(), List.of(new ContainerRun.Variable("Z", "last; $(id)"), new ContainerRun.Variable("A", "")),
                    "/home/berth/.berth/pods/default/p/env/app.env", List.of(), true, 10);

            assertThat(ContainerRunCommand.argv(run)).containsExactly("docker", "run", "--detach", "--name", "n",
                    "--restart", "unless-stopped", "--network", "berth", "--hostname", "p",
                    "--env", "Z=last; $(id)", "--env", "A=",
                    "--env-file", "/home/berth/.berth/pods/default/p/env/app.env",
                    "--stop-timeout", "10", "--pull", "never", "nginx:1.27");
        }

        @Test
        void portsArePublishedOnFixedOrEphemeralHostPorts() {
            ContainerRun run = new ContainerRun("n", "p", null, "berth", Map.of(), container(List.of(), List.of()),
                    List.of(new Container.Port("http", 80, 8080, "TCP"), new Container.Port(null, 53, null, "UDP")),
                    List.of(), null, List.of(), false, 30);

            assertThat(line(run)).contains("--publish 8080:80/tcp --publish 53/udp");
        }

        @Test
        void portsWithoutAHostPortArePublishedOnTheClusterAddressOnlyAndAHostPortOnEveryAddress() {
            ContainerRun run = new ContainerRun("n", "p", null, "berth", Map.of(), container(List.of(), List.of()),
                    List.of(new Container.Port("http", 80, 8080, "TCP"), new Container.Port(null, 5432, null, null)),
                    List.of(), null, List.of(), false, 30, "10.0.0.12", "shop.svc.cluster.local");

            assertThat(line(run)).contains("--network berth --hostname p --dns-search shop.svc.cluster.local "
                    + "--dns-option ndots:1 --publish 8080:80/tcp --publish 10.0.0.12::5432/tcp");
        }

        @Test
        void anIpv6ClusterAddressIsBracketed() {
            assertThat(ContainerRunCommand.publish(new Container.Port(null, 5432, null, "TCP"), "fd00::12"))
                    .isEqualTo("[fd00::12]::5432/tcp");
        }

        @Test
        void cutsALongPodNameToAHostnameOf63Characters() {
            String pod = "a".repeat(52) + "-1a2b3c4d5e-x7k2p";

            assertThat(ContainerRunCommand.hostname(pod)).isEqualTo("a".repeat(52) + "-1a2b3c4d5e");
            assertThat(ContainerRunCommand.hostname("a".repeat(62) + "-1a2b3c4d5e")).isEqualTo("a".repeat(62));
            assertThat(ContainerRunCommand.hostname("web-1a2b3c4d5e-x7k2p")).isEqualTo("web-1a2b3c4d5e-x7k2p");
        }

        @Test
        void furtherContainersJoinTheFirstOnesNetwork() {
            ContainerRun run = new ContainerRun("n2", "p", "n1", "berth", Map.of(), container(List.of(), List.of()),
                    List.of(), List.of(), null, List.of(), false, 30);

            assertThat(line(run)).isEqualTo("docker run --detach --name n2 --restart unless-stopped"
                    + " --network container:n1 --stop-timeout 30 nginx:1.27");
        }
    }

    @Nested
    class Mounts {
        @Test
        void nameTheirTypeSourceTargetAndOptions() {
            assertThat(ContainerRunCommand.mount(ContainerRun.Mount.volume("berth_default_data", "/data", true,
                    List.of("volume-subpath=pg")))).isEqualTo("type=volume,src=berth_default_data,dst=/data,readonly,"
                    + "volume-subpath=pg");
            assertThat(ContainerRunCommand.mount(ContainerRun.Mount.bind("/srv/www", "/usr/share/nginx/html", false)))
                    .isEqualTo("type=bind,src=/srv/www,dst=/usr/share/nginx/html");
            assertThat(ContainerRunCommand.mount(ContainerRun.Mount.tmpfs("/cache", 1048576L)))
                    .isEqualTo("type=tmpfs,dst=/cache,tmpfs-size=1048576");
        }

        @Test
        void quoteAFieldWithACommaSoThatAPathCannotAddOptions() {
            assertThat(ContainerRunCommand.mount(ContainerRun.Mount.bind("/srv/a,type=bind,src=/", "/x\"y", false)))
                    .isEqualTo("type=bind,\"src=/srv/a,type=bind,src=/\",\"dst=/x\"\"y\"");
        }
    }

    @Nested
    class Probes {
        private Container probed(Probe readiness, Probe liveness, Probe startup) {
            return new Container("app", "nginx:1.27", "IfNotPresent", List.of(), List.of(), null,
                    List.of(new Container.Port("http", 8080, null, "TCP")), List.of(), List.of(), null, List.of(),
                    liveness, readiness, startup);
        }

        private Probe exec(int delay, String... words) {
            return new Probe(null, null, new Probe.Exec(List.of(words)), delay, 5, 2, 1, 4);
        }

        @Test
        void travelWithTheContainerAsALabelInKeyOrderWithPortNamesResolved() {
            Probe http = new Probe(new Probe.HttpGet("/healthz", IntOrString.of("http"), "HTTP"), null, null, 0, 10,
                    1, 1, 3);

            assertThat(line(run(probed(http, null, null)))).isEqualTo("docker run --detach"
                    + " --name default_web-1a2b3c4d5e-x7k2p_app --label berth.dev/managed=true"
                    + " --label berth.dev/pod=web-1a2b3c4d5e-x7k2p"
                    + " --label berth.dev/probes={\"readinessProbe\":{\"httpGet\":{\"path\":\"/healthz\",\"port\":8080,"
                    + "\"scheme\":\"HTTP\"},\"initialDelaySeconds\":0,\"periodSeconds\":10,\"timeoutSeconds\":1,"
                    + "\"successThreshold\":1,\"failureThreshold\":3}}"
                    + " --restart unless-stopped --network berth --hostname web-1a2b3c4d5e-x7k2p"
                    + " --stop-timeout 30 nginx:1.27");
        }

        @Test
        void anExecProbeIsNoLongerADockerHealthCheck() {
            List<String> argv = ContainerRunCommand.argv(run(probed(exec(15, "pg_isready", "-U", "it's me"),
                    exec(0, "alive"), exec(0, "true"))));

            assertThat(argv).noneMatch(word -> word.startsWith("--health"));
            assertThat(argv).anyMatch(word -> word.startsWith("berth.dev/probes={\"readinessProbe\":{\"exec\":"
                    + "{\"command\":[\"pg_isready\",\"-U\",\"it's me\"]},\"initialDelaySeconds\":15"));
        }

        @Test
        void aContainerWithoutProbesHasNoProbesLabel() {
            assertThat(line(run(container(List.of(), List.of())))).doesNotContain("berth.dev/probes");
        }
    }
}
