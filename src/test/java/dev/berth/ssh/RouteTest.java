package dev.berth.ssh;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTest {
    static final Path HOME = Path.of("/home/u");
    static final Path KNOWN_HOSTS = HOME.resolve(".ssh/known_hosts");
    static final SshConfig CONFIG = SshConfig.parse(List.of(
            "Host bastion", "HostName bastion.example.com", "User jump", "Port 2222",
            "Host web-*", "HostName 10.0.0.%h", "User ops", "Port 2200", "IdentityFile ~/.ssh/web", "ProxyJump bastion"));

    static Route route(SshTarget target) {
        return Route.of(target, new Route.Defaults(CONFIG, HOME, "local"));
    }

    @Test
    void fillsUnsetSettingsFromSshConfig() {
        Route route = route(SshTarget.of("web", "web-1", KNOWN_HOSTS));

        assertThat(route.node()).isEqualTo(new Endpoint("web", "10.0.0.web-1", 2200, "ops",
                List.of(HOME.resolve(".ssh/web")), true, KNOWN_HOSTS, HostKeyPolicy.STRICT,
                SshTarget.DEFAULT_CONNECT_TIMEOUT));
        assertThat(route.jumps()).containsExactly(new Endpoint("jump host bastion", "bastion.example.com", 2222,
                "jump", List.of(HOME.resolve(".ssh/id_ed25519"), HOME.resolve(".ssh/id_ecdsa"),
                HOME.resolve(".ssh/id_rsa")), false, KNOWN_HOSTS, HostKeyPolicy.STRICT,
                SshTarget.DEFAULT_CONNECT_TIMEOUT));
    }

    @Test
    void letsExplicitTargetSettingsWin() {
        SshTarget target = SshTarget.of("web", "web-1", KNOWN_HOSTS).withPort(22).withUser("deploy")
                .withIdentityFiles(List.of(Path.of("/keys/a"))).withJumpHost("admin@gate:2022")
                .withTimeouts(Duration.ofSeconds(3), null);

        Route route = route(target);

        assertThat(route.node().port()).isEqualTo(22);
        assertThat(route.node().user()).isEqualTo("deploy");
        assertThat(route.node().identityFiles()).containsExactly(Path.of("/keys/a"), HOME.resolve(".ssh/web"));
        assertThat(route.node().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(route.jumps()).extracting(Endpoint::label, Endpoint::hostName, Endpoint::port, Endpoint::user)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("jump host admin@gate:2022", "gate", 2022, "admin"));
    }

    @Test
    void usesOpenSshDefaultsWithoutConfig() {
        Route route = route(SshTarget.of("db", "10.0.0.5", KNOWN_HOSTS));

        assertThat(route.node().describe()).isEqualTo("db (10.0.0.5:22)");
        assertThat(route.node().user()).isEqualTo("local");
        assertThat(route.node().explicitIdentities()).isFalse();
        assertThat(route.jumps()).isEmpty();
    }

    @Test
    void followsAJumpChainInOrderWithTheNodesUserAsDefault() {
        SshTarget target = SshTarget.of("db", "10.0.0.5", KNOWN_HOSTS).withUser("deploy")
                .withJumpHost("first, [fd00::1]:2200");

        assertThat(route(target).jumps()).extracting(Endpoint::hostName, Endpoint::port, Endpoint::user)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first", 22, "deploy"),
                        org.assertj.core.groups.Tuple.tuple("fd00::1", 2200, "deploy"));
    }
}
