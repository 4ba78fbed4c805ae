package dev.berth.ssh;

import dev.berth.lab.Lab;
import dev.berth.lab.LabTest;
import dev.berth.shell.ShellQuoteTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.berth.ssh.SshTransportTest.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Arguments no shell may interpret, through the transport to a lab node's real sshd and login shell. */
@LabTest
class LabHostileArgumentsIT {
    static final List<String> HOSTILE = List.of("", " ", ";", "a;b", "&", "&& touch /tmp/pwned", "| cat /etc/passwd",
            "$(id)", "`id`", "'", "it's", "\"", "\"$(id)\"", "\\", "\n", "two\nlines", "-n", "--help", "-e", "*",
            "~", "$HOME", "${IFS}", "#x", "!", "<in", ">out", "é", "日本語", "🚢", "%s", "'\\''", "\t\r");

    @TempDir
    Path home;
    SshTransport transport;

    @BeforeEach
    void startTransport() {
        transport = SshTransport.start(SshConfig.empty(), home, "berth", PassphrasePrompt.none(), null);
    }

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    SshTarget node1(Lab lab) {
        return SshTarget.of("node-1", lab.node("node-1").address(), lab.knownHosts()).withUser("berth")
                .withIdentityFiles(List.of(lab.privateKey()))
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    @Test
    void runsAsTheNonRootUserBerth(Lab lab) throws Exception {
        CommandResult result = await(transport.run(node1(lab), List.of("id", "-un")));

        assertThat(result.stdoutText()).isEqualTo("berth\n");
    }

    @Test
    void deliversHostileArgumentsByteForByte(Lab lab) throws Exception {
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(HOSTILE);

        CommandResult result = await(transport.run(node1(lab), argv));

        assertThat(result.exitCode()).as(result.stderrText()).isZero();
        assertThat(result.stdout()).isEqualTo(ShellQuoteTest.nulTerminated(HOSTILE));
        for (String path : List.of("/tmp/pwned", "out", "in")) {
            assertThat(await(transport.run(node1(lab), List.of("test", "-e", path))).exitCode()).as(path).isEqualTo(1);
        }
    }
}
