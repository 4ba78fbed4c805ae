package dev.berth.state;

import dev.berth.ssh.FanOut;
import dev.berth.ssh.HostKeyPolicy;
import dev.berth.ssh.PassphrasePrompt;
import dev.berth.ssh.SshConfig;
import dev.berth.ssh.SshTarget;
import dev.berth.ssh.SshTransport;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A berth-like process for tests: takes the cluster's lock, says {@code held}, and works until it is killed.
 * Arguments: known_hosts, identity file, port, lease seconds, then one directory per node.
 */
public final class LockHolderProcess {
    private LockHolderProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path knownHosts = Path.of(args[0]);
        Path key = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        Duration lease = Duration.ofSeconds(Long.parseLong(args[3]));
        List<SshTarget> targets = new ArrayList<>();
        List<String> directories = List.of(args).subList(4, args.length);
        for (int i = 0; i < directories.size(); i++) {
            targets.add(SshTarget.of("node-" + (i + 1), "127.0.0.1", knownHosts).withPort(port).withUser("root")
                    .withIdentityFiles(List.of(key)).withHostKeyPolicy(HostKeyPolicy.STRICT)
                    .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30)));
        }
        SshTransport transport = SshTransport.start(SshConfig.empty(), Path.of(System.getProperty("java.io.tmpdir")),
                "root", PassphrasePrompt.none(), null);
        ClusterState state = new ClusterState(transport, new FanOut(4), targets,
                new Holder("deploy@laptop", "berth apply", ProcessHandle.current().pid()), Clock.systemUTC(),
                StateSettings.defaults().withLease(lease)
                        .withDirectory(node -> directories.get(Integer.parseInt(node.name().substring(5)) - 1)));
        state.acquire(Duration.ZERO);
        System.out.println("held");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
