package dev.berth.docker;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxyCommandsTest {
    private static final String DIRECTORY = "/home/deploy/.berth/proxies/berth-edge";

    @Test
    void startsTheEdgeOnTheHostsNetworkWithItsDirectoryMountedReadOnly() {
        assertThat(ProxyCommands.runEdge("berth-edge", "nginx:1.27", DIRECTORY, "/etc/nginx/berth",
                Map.of("berth.dev/proxy", "edge", "berth.dev/managed", "true"))).containsExactly(
                "docker", "run", "--detach", "--name", "berth-edge",
                "--label", "berth.dev/managed=true", "--label", "berth.dev/proxy=edge",
                "--restart", "unless-stopped", "--network", "host",
                "--mount", "type=bind,src=" + DIRECTORY + ",dst=/etc/nginx/berth,readonly",
                "--entrypoint", "nginx", "nginx:1.27", "-c", "/etc/nginx/berth/nginx.conf", "-g", "daemon off;");
    }

    @Test
    void startsAServiceProxyOnBerthsNetworkUnderTheServicesNamesPublishingItsNodePorts() {
        String directory = "/home/deploy/.berth/proxies/berth-svc.shop.api";
        assertThat(ProxyCommands.runServiceProxy("berth-svc.shop.api", "nginx:1.27", directory, "/etc/nginx/berth",
                "berth", List.of("api.shop", "api.shop.svc", "api.shop.svc.cluster.local"), List.of("30080:80/tcp"),
                Map.of())).containsExactly(
                "docker", "run", "--detach", "--name", "berth-svc.shop.api", "--restart", "unless-stopped",
                "--network", "berth", "--network-alias", "api.shop", "--network-alias", "api.shop.svc",
                "--network-alias", "api.shop.svc.cluster.local", "--publish", "30080:80/tcp",
                "--mount", "type=bind,src=" + directory + ",dst=/etc/nginx/berth,readonly",
                "--entrypoint", "nginx", "nginx:1.27", "-c", "/etc/nginx/berth/nginx.conf", "-g", "daemon off;");
    }

    @Test
    void checksTheCandidateInTheRunningProxyOrInAThrowAwayContainerOfItsImage() {
        assertThat(ProxyCommands.test("berth-edge", "/etc/nginx/berth")).containsExactly(
                "docker", "exec", "berth-edge", "nginx", "-t", "-q", "-c", "/etc/nginx/berth/nginx.conf.next");
        assertThat(ProxyCommands.testInImage("nginx:1.27", DIRECTORY, "/etc/nginx/berth")).containsExactly(
                "docker", "run", "--rm", "--network", "none",
                "--mount", "type=bind,src=" + DIRECTORY + ",dst=/etc/nginx/berth,readonly",
                "--entrypoint", "nginx", "nginx:1.27", "-t", "-q", "-c", "/etc/nginx/berth/nginx.conf.next");
    }

    @Test
    void switchesByRenameKeepingThePreviousAndSwitchesBack() {
        assertThat(ProxyCommands.switchToCandidate(DIRECTORY)).containsExactly("sh", "-c",
                "cd \"$1\" && { [ ! -e nginx.conf ] || ln -f nginx.conf nginx.conf.previous; } "
                        + "&& mv -f nginx.conf.next nginx.conf", "sh", DIRECTORY);
        assertThat(ProxyCommands.switchBack(DIRECTORY)).containsExactly("sh", "-c",
                "cd \"$1\" && rm -f nginx.conf.next && if [ -e nginx.conf.previous ]; then "
                        + "mv -f nginx.conf.previous nginx.conf; else rm -f nginx.conf; fi", "sh", DIRECTORY);
        assertThat(ProxyCommands.discardCandidate(DIRECTORY)).containsExactly("rm", "-f", "--",
                DIRECTORY + "/nginx.conf.next");
    }

    @Test
    void reloadsTheLiveConfigurationAndAsksForTheAddressOnANetwork() {
        assertThat(ProxyCommands.reload("berth-svc.shop.api", "/etc/nginx/berth")).containsExactly(
                "docker", "exec", "berth-svc.shop.api", "nginx", "-c", "/etc/nginx/berth/nginx.conf", "-s", "reload");
        assertThat(ProxyCommands.address("berth-svc.shop.api", "berth")).containsExactly("docker", "inspect",
                "--type", "container", "--format",
                "{{with index .NetworkSettings.Networks \"berth\"}}{{.IPAddress}}{{end}}", "berth-svc.shop.api");
    }

    @Test
    void removesAProxyAndItsFilesOnly() {
        assertThat(ProxyCommands.remove("berth-svc.shop.api", "/home/deploy/.berth/proxies/berth-svc.shop.api"))
                .containsExactly("sh", "-c", "docker rm --force \"$1\" >/dev/null 2>&1; rm -rf -- \"$2\"; "
                        + "! docker container inspect \"$1\" >/dev/null 2>&1", "sh", "berth-svc.shop.api",
                        "/home/deploy/.berth/proxies/berth-svc.shop.api");
        assertThatThrownBy(() -> ProxyCommands.remove("x", "/home/deploy/.berth/pods/default/web"))
                .hasMessageContaining("not a proxy's directory");
        assertThatThrownBy(() -> ProxyCommands.remove("x", "/home/deploy/.berth/proxies/../pods"))
                .hasMessageContaining("not a proxy's directory");
        assertThatThrownBy(() -> ProxyDirectory.of("/home/deploy", "../x")).hasMessageContaining("not a container");
        assertThatThrownBy(() -> ProxyCommands.address("c", "berth\" }}{{.Config")).hasMessageContaining("network");
    }
}
