package dev.berth.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.CliRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A running lab as integration tests see it: its nodes, the files berth reaches them with, the berth
 * CLI run in-process against it, and the OpenSSH client to reach its nodes independently of berth.
 */
public final class Lab {
    private final String name;
    private final Path dataHome;
    private final Path configHome;

    /** One node: its name in the inventory and its address on the lab network. */
    public record Node(String name, String address) {
    }

    Lab(String name, Path dataHome, Path configHome) {
        this.name = name;
        this.dataHome = dataHome;
        this.configHome = configHome;
    }

    public String name() {
        return name;
    }

    /** Runs {@code berth ARGS} in-process with this lab's data and config directories. */
    public CliRunner.Result berth(String... args) {
        return berthAt(dataHome.getParent(), args);
    }

    /** Like {@link #berth(String...)} with another home directory, e.g. one holding a {@code .ssh/config}. */
    public CliRunner.Result berthAt(Path home, String... args) {
        return new CliRunner()
                .env("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"))
                .env("XDG_DATA_HOME", dataHome.toString())
                .env("XDG_CONFIG_HOME", configHome.toString())
                .home(home)
                .run(args);
    }

    /** Runs {@code berth lab VERB ... --name <this lab>}. */
    public CliRunner.Result lab(String... verbAndArgs) {
        List<String> args = new ArrayList<>(List.of("lab"));
        args.addAll(List.of(verbAndArgs));
        args.addAll(List.of("--name", name));
        return berth(args.toArray(String[]::new));
    }

    public LabFiles files() {
        return LabFiles.of(java.util.Map.of("XDG_DATA_HOME", dataHome.toString()), dataHome, new LabName(name));
    }

    public Path inventory() {
        return files().inventory();
    }

    public Path privateKey() {
        return files().privateKey();
    }

    public Path knownHosts() {
        return files().knownHosts();
    }

    /** The lab's known_hosts lines for one node (one per host key type), recorded under {@code hostName}. */
    public List<String> hostKeyLines(Node node, String hostName) {
        try {
            return Files.readAllLines(knownHosts()).stream()
                    .filter(line -> line.startsWith(node.address() + " "))
                    .map(line -> hostName + line.substring(node.address().length()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The nodes as {@code berth lab status -o json} reports them now. */
    public List<Node> nodes() {
        CliRunner.Result status = lab("status", "-o", "json");
        if (status.exitCode() != 0) {
            throw new IllegalStateException("lab status failed: " + status);
        }
        try {
            JsonNode json = new ObjectMapper().readTree(status.out());
            List<Node> nodes = new ArrayList<>();
            json.path("nodes").forEach(node -> nodes.add(new Node(node.path("name").asText(),
                    node.path("address").asText())));
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Node node(String nodeName) {
        return nodes().stream().filter(node -> node.name().equals(nodeName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("lab " + name + " has no " + nodeName));
    }

    /**
     * Runs a command on a node as user berth with OpenSSH, checking its host key against the lab's known_hosts. The
     * connect timeout only guards against a hang: on a busy machine a handshake can take seconds.
     */
    public ProcessResult ssh(Node node, String command) {
        return ssh(node, knownHosts(), command);
    }

    /** Like {@link #ssh(Node, String)} but checking the host key against the given known_hosts file. */
    public ProcessResult ssh(Node node, Path knownHosts, String command) {
        return ssh(node, knownHosts, Duration.ofSeconds(30), command);
    }

    /** Like {@link #ssh(Node, String)}, giving up after {@code connectTimeout}: for a node a test expects silent. */
    public ProcessResult ssh(Node node, Duration connectTimeout, String command) {
        return ssh(node, knownHosts(), connectTimeout, command);
    }

    private ProcessResult ssh(Node node, Path knownHosts, Duration connectTimeout, String command) {
        return new LocalProcess().run(List.of("ssh", "-F", "/dev/null", "-i", privateKey().toString(),
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=" + connectTimeout.toSeconds(), "-o", "LogLevel=ERROR",
                "berth@" + node.address(), command), Duration.ofSeconds(120));
    }
}
