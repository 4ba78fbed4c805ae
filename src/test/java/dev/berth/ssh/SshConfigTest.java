package dev.berth.ssh;

import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SshConfigTest {
    static final SshConfig CONFIG = SshConfig.parse(List.of(
            "# the user's ~/.ssh/config",
            "Host bastion",
            "    HostName bastion.example.com",
            "    User jump",
            "    Port 2222",
            "",
            "Host web-* !web-legacy",
            "    HostName %h.prod.example.com",
            "    ProxyJump bastion",
            "    IdentityFile ~/.ssh/prod_ed25519",
            "",
            "Match host db",
            "    User never",
            "",
            "Host *",
            "    User=deploy",
            "    IdentityFile \"%d/.ssh/id_ed25519\"",
            "    ForwardAgent yes",
            "    Port 22"));

    @Nested
    class Lookup {
        @Test
        void takesTheFirstValueOfEachKeyword() {
            assertThat(CONFIG.settingsFor("bastion")).isEqualTo(new SshConfig.Settings(
                    "bastion.example.com", 2222, "jump", List.of("%d/.ssh/id_ed25519"), null));
        }

        @Test
        void collectsEveryMatchingIdentityFileInOrder() {
            assertThat(CONFIG.settingsFor("web-1")).isEqualTo(new SshConfig.Settings(
                    "web-1.prod.example.com", 22, "deploy",
                    List.of("~/.ssh/prod_ed25519", "%d/.ssh/id_ed25519"), "bastion"));
        }

        @Test
        void honoursNegatedPatterns() {
            assertThat(CONFIG.settingsFor("web-legacy").hostName()).isNull();
            assertThat(CONFIG.settingsFor("web-legacy").proxyJump()).isNull();
        }

        @Test
        void skipsMatchBlocks() {
            assertThat(CONFIG.settingsFor("db").user()).isEqualTo("deploy");
        }

        @Test
        void saysNothingForAnEmptyConfig() {
            assertThat(SshConfig.empty().settingsFor("web-1"))
                    .isEqualTo(new SshConfig.Settings(null, null, null, List.of(), null));
        }

        @Test
        void keepsTheFirstValueWithinABlockToo() {
            SshConfig config = SshConfig.parse(List.of("Host web", "  HostName first", "  HostName second"));

            assertThat(config.settingsFor("web").hostName()).isEqualTo("first");
        }

        @Test
        void readsQuotedPathsWithSpaces() {
            SshConfig config = SshConfig.parse(List.of("Host web", "  IdentityFile \"~/My Keys/id_ed25519\""));

            assertThat(config.settingsFor("web").identityFiles()).containsExactly("~/My Keys/id_ed25519");
        }

        @Test
        void ignoresKeywordsItDoesNotUseEvenWithoutAValue() {
            SshConfig config = SshConfig.parse(List.of("Host web", "  ForwardAgent", "  Port 2222"));

            assertThat(config.settingsFor("web").port()).isEqualTo(2222);
        }

        @Test
        void treatsProxyJumpNoneAsNoJump() {
            SshConfig config = SshConfig.parse(List.of("Host direct", "ProxyJump none", "Host *", "ProxyJump bastion"));

            assertThat(config.settingsFor("direct").proxyJump()).isNull();
        }
    }

    @Nested
    class Paths {
        @Test
        void expandTildeAndTokens() {
            assertThat(SshConfig.expandPath("~/.ssh/%h_%r", Path.of("/home/u"), "web-1", "deploy"))
                    .isEqualTo(Path.of("/home/u/.ssh/web-1_deploy"));
            assertThat(SshConfig.expandPath("%d/keys/100%%", Path.of("/home/u"), "h", "r"))
                    .isEqualTo(Path.of("/home/u/keys/100%"));
        }
    }

    @Nested
    class ReadByBerthAlone {
        @Test
        void theSshClientDoesNotResolveHostsFromAnyFileOfItsOwn() {
            assertThat(SshTransport.client(null).getHostConfigEntryResolver()).isSameAs(HostConfigEntryResolver.EMPTY);
        }
    }
}
