import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;

/**
 * Checks that a MINA SSHD client, as berth's transport uses, reaches a fleet node with the fleet's
 * key files and strict known_hosts checking, and runs one command there.
 * {@code java -cp bench/fleet-simulator/target/fleet-simulator.jar bench/checks/MinaClientCheck.java DIR PORT}
 */
public class MinaClientCheck {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        KeyPair identity;
        try (InputStream in = Files.newInputStream(dir.resolve("id_ed25519"))) {
            identity = SecurityUtils.loadKeyPairIdentities(null, null, in, FilePasswordProvider.EMPTY)
                    .iterator().next();
        }
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE,
                dir.resolve("known_hosts")));
        client.start();
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                connectOnce(client, port, identity);
            }
        } finally {
            client.stop();
        }
    }

    private static void connectOnce(SshClient client, int port, KeyPair identity) throws Exception {
        long start = System.nanoTime();
        try (ClientSession session = client.connect("bench", "127.0.0.1", port)
                .verify(Duration.ofSeconds(10)).getSession()) {
            session.addPublicKeyIdentity(identity);
            session.auth().verify(Duration.ofSeconds(10));
            String out = session.executeRemoteCommand("docker ps");
            System.out.printf("mina client ok: %d lines from docker ps in %d ms, kex %s%n",
                    out.split("\n").length, (System.nanoTime() - start) / 1_000_000,
                    session.getNegotiatedKexParameter(org.apache.sshd.common.kex.KexProposalOption.ALGORITHMS));
        }
    }
}
