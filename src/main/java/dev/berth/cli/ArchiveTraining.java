package dev.berth.cli;

import dev.berth.ssh.TrainingServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The run that install.sh records berth's class-data archive from ({@code -XX:ArchiveClassesAtExit}): the read
 * verbs a user types most, in-process, against a {@link TrainingServer} on a loopback port, so the archive holds
 * the SSH, cryptography, parsing and output classes they load, not only those of the command line. Prints
 * nothing; exits 0 when every verb did, else 1.
 *
 * <p>{@code java -XX:ArchiveClassesAtExit=berth.jsa -cp berth.jar dev.berth.cli.ArchiveTraining DIR}
 */
public final class ArchiveTraining {
    private static final String[][] VERBS = {
            {"get", "nodes"}, {"get", "pods", "-A"}, {"get", "pods", "-A", "-o", "json"}, {"get", "deployments"}};

    private ArchiveTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "berth-training"));
        int failed = 0;
        try (TrainingServer server = TrainingServer.start(directory, 3)) {
            Path cluster = directory.resolve("cluster.yaml");
            Files.writeString(cluster, inventory(directory, server.ports()));
            PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream(), true);
            for (String[] verb : VERBS) {
                String[] line = new String[verb.length + 2];
                System.arraycopy(verb, 0, line, 0, verb.length);
                line[verb.length] = "--cluster";
                line[verb.length + 1] = cluster.toString();
                if (Main.run(line, Environment.ofProcess(), quiet, quiet) != 0) {
                    failed++;
                }
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    /** One node per port, as a small cluster has. */
    static String inventory(Path directory, List<Integer> ports) {
        StringBuilder yaml = new StringBuilder("apiVersion: berth.dev/v1\nkind: Cluster\nmetadata: {name: training}\nspec:\n")
                .append("  ssh: {user: training, identityFiles: [").append(directory.resolve(TrainingServer.IDENTITY))
                .append("], knownHosts: ").append(directory.resolve(TrainingServer.KNOWN_HOSTS))
                .append(", hostKeyPolicy: strict}\n  nodes:\n");
        for (int node = 0; node < ports.size(); node++) {
            yaml.append("    - {name: node-").append(node + 1).append(", address: 127.0.0.1, port: ").append(ports.get(node))
                    .append("}\n");
        }
        return yaml.toString();
    }
}
