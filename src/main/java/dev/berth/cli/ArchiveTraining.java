package dev.berth.cli;

import dev.berth.config.BerthConfig;
import dev.berth.config.ConfigStore;
import dev.berth.config.Context;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.LocalSsh;
import dev.berth.exec.TransportOpener;
import dev.berth.manifest.InputFiles;
import dev.berth.manifest.InventoryReader;
import dev.berth.manifest.ManifestInput;
import dev.berth.manifest.ManifestLoader;
import dev.berth.manifest.ManifestSet;
import dev.berth.model.Cluster;
import dev.berth.ssh.PassphrasePrompt;
import dev.berth.ssh.TrainingServer;
import dev.berth.state.ClusterState;
import dev.berth.state.Holder;
import dev.berth.state.StateNodes;
import dev.berth.state.StateSettings;
import dev.berth.state.StoredManifests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run that install.sh records berth's class-data archive from: the read verbs a user types most, in-process,
 * against a {@link TrainingServer} on a loopback port, so the archive holds the SSH, cryptography, parsing and
 * output classes they load, not only those of the command line. First it stores a desired state of every kind
 * ({@code training-manifests.yaml}) on the training cluster through berth's own state write, so that the verbs
 * also decode, check and plan it, as they do on a real cluster. The verbs find the cluster through a context of
 * a config file of the training's own ({@code XDG_CONFIG_HOME} is the training directory), as a user's do. Prints
 * nothing; exits 0 when every step did, else 1.
 *
 * <p>{@code java -XX:DumpLoadedClassList=berth.classlist -cp berth.jar dev.berth.cli.ArchiveTraining DIR}
 */
public final class ArchiveTraining {
    static final String MANIFESTS = "training-manifests.yaml";
    private static final String[][] VERBS = {
            {"get", "nodes"}, {"get", "pods", "-A"}, {"get", "pods", "-A", "-o", "json"}, {"get", "deployments"},
            {"get", "services,ingresses,configmaps,secrets,pvc", "-A"}};

    private ArchiveTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "berth-training"));
        int failed = 0;
        try (TrainingServer server = TrainingServer.start(directory, 3)) {
            Path cluster = directory.resolve("cluster.yaml");
            Files.writeString(cluster, inventory(directory, server.ports()));
            storeDesiredState(cluster);
            Environment environment = withContext(directory, cluster);
            PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream(), true);
            for (String[] verb : VERBS) {
                if (Main.run(verb, environment, quiet, quiet) != 0) {
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

    /**
     * This process's environment with {@code directory} as {@code XDG_CONFIG_HOME}, where a config names the
     * cluster in {@code clusterFile} as its current context, {@code training}.
     */
    static Environment withContext(Path directory, Path clusterFile) {
        Path home = Path.of(System.getProperty("user.home"));
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.put("XDG_CONFIG_HOME", directory.toAbsolutePath().toString());
        ConfigStore.forUser(Optional.of(variables.get("XDG_CONFIG_HOME")), home).save(new BerthConfig("training",
                List.of(new Context("training", clusterFile.toAbsolutePath().toString(), null))));
        return new Environment(variables, InputStream.nullInputStream(), directory.toAbsolutePath(), home, false);
    }

    /** The objects of {@link #MANIFESTS}, loaded and checked as a user's files are. */
    static ManifestSet manifests() throws IOException {
        byte[] content;
        try (InputStream in = ArchiveTraining.class.getResourceAsStream(MANIFESTS)) {
            content = in.readAllBytes();
        }
        ManifestSet manifests = new ManifestLoader().load(
                new InputFiles.Read(List.of(new ManifestInput(MANIFESTS, content)), List.of()));
        if (!manifests.errors().isEmpty()) {
            throw new IllegalStateException(MANIFESTS + ": " + manifests.errors());
        }
        return manifests;
    }

    /** Stores {@link #manifests()} as the desired state of the cluster in {@code clusterFile}, as apply stores it. */
    static void storeDesiredState(Path clusterFile) throws IOException {
        ManifestSet manifests = manifests();
        Cluster cluster = new InventoryReader().read(clusterFile);
        LocalSsh local = new LocalSsh(Path.of(System.getProperty("user.home")), "training", null,
                PassphrasePrompt.none());
        try (ClusterAccess access = ClusterAccess.open(cluster, local, Path::of, TransportOpener.SSH)) {
            ClusterState state = new ClusterState(access.transport(), access.fanOut(),
                    StateNodes.of(cluster).stream().map(access::node).toList(),
                    new Holder("training@localhost", "berth apply", ProcessHandle.current().pid()), Clock.systemUTC(),
                    StateSettings.defaults());
            state.write(state.read().withApplied(StoredManifests.encode(manifests.resources())));
        }
    }
}
