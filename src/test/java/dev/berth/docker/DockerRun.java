package dev.berth.docker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code docker run --detach} argv read back into what {@link FakeDocker} needs to show the container: the
 * flags {@link ContainerRunCommand} writes, and nothing else (no {@code --health-*}: berth probes containers
 * itself, by the {@code berth.dev/probes} label). A flag it does not know is an error naming the
 * argv, so that a new flag is taught to the fake rather than silently dropped.
 */
record DockerRun(String name, String image, Map<String, String> labels, String network, String hostname,
                 String restart, List<String> published, List<String> environment, boolean neverPull,
                 List<String> arguments, List<String> mounts) {

    private static final Set<String> IGNORED = Set.of("--memory", "--cpus", "--env-file", "--workdir",
            "--stop-timeout", "--entrypoint", "--dns-search", "--dns-option");

    static DockerRun parse(List<String> argv) {
        String name = null;
        String network = "default";
        String hostname = null;
        String restart = "no";
        boolean neverPull = false;
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> published = new ArrayList<>();
        List<String> environment = new ArrayList<>();
        List<String> mounts = new ArrayList<>();
        int i = 3;
        while (i < argv.size() && argv.get(i).startsWith("--")) {
            String flag = argv.get(i);
            if (i + 1 >= argv.size()) {
                throw new IllegalArgumentException("docker run: " + flag + " needs a value in " + argv);
            }
            String value = argv.get(i + 1);
            switch (flag) {
                case "--name" -> name = value;
                case "--label" -> labels.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                case "--network" -> network = value;
                case "--hostname" -> hostname = value;
                case "--restart" -> restart = value;
                case "--publish" -> published.add(value);
                case "--env" -> environment.add(value);
                case "--mount" -> mounts.add(value);
                case "--pull" -> neverPull = value.equals("never");
                default -> {
                    if (!IGNORED.contains(flag)) {
                        throw new IllegalArgumentException("docker run: the fake engine does not know " + flag
                                + " in " + argv);
                    }
                }
            }
            i += 2;
        }
        if (name == null || i >= argv.size()) {
            throw new IllegalArgumentException("docker run without --name or image: " + argv);
        }
        return new DockerRun(name, argv.get(i), labels, network, hostname, restart, published, environment,
                neverPull, List.copyOf(argv.subList(i + 1, argv.size())), List.copyOf(mounts));
    }
}
