package dev.berth.bench.fleet;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Serves a fleet of simulated docker servers over SSH on consecutive loopback ports, each behind a
 * relay that adds the same round-trip delay, and writes the files clients need to reach them.
 * Runs until it is terminated; DIR/ready appears once every port accepts connections.
 */
public final class FleetSimulator {
    private FleetSimulator() {
    }

    public static void main(String[] args) throws Exception {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("fleet-simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        run(options);
    }

    private static void run(SimulatorOptions options) throws IOException, GeneralSecurityException, InterruptedException {
        List<SimulatedNode> nodes = new ArrayList<>();
        for (int i = 0; i < options.nodes(); i++) {
            nodes.add(SimulatedNode.of(i, options.containersPerNode()));
        }
        KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        KeyPair clientKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        Files.deleteIfExists(options.out().resolve("ready"));
        new FleetFiles(options, nodes).write(clientKey, hostKey.getPublic());

        NodeDirectory directory = new NodeDirectory(nodes);
        MutationLog mutations = new MutationLog(options.out().resolve("mutations.log"));
        FleetServer server = new FleetServer(hostKey, clientKey.getPublic(), options.user(), options.keyExchanges(),
                directory, mutations);
        InetSocketAddress backend = server.start();
        DelayRelay relay = new DelayRelay(backend, directory, options.delayMillis());
        for (SimulatedNode node : nodes) {
            relay.listen(options.port(node.index()), node.index());
        }
        relay.start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                relay.close();
                server.close();
                mutations.close();
            } catch (Exception e) {
                System.err.println("fleet-simulator: stopping: " + e.getMessage());
            }
            stopped.countDown();
        }, "stop"));
        Files.writeString(options.out().resolve("ready"), ProcessHandle.current().pid() + "\n");
        System.out.printf("fleet-simulator: %d nodes on 127.0.0.1:%d-%d, %d ms round trip, files in %s%n",
                options.nodes(), options.basePort(), options.port(options.nodes() - 1), options.delayMillis(),
                options.out());
        stopped.await();
    }
}
