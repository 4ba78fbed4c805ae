package dev.berth.bench.fleet;

import java.util.List;

/**
 * berth's fixed node scripts other than the probe and the state's ({@code sh -c SCRIPT sh ARG...}): told apart
 * by how the script starts, their values taken from the positional parameters, the docker commands in them run
 * through the node's {@link DockerCli} (so that changes are logged as the real commands would be).
 */
final class NodeScripts {
    static final String UPLOAD = "berth-upload";

    private final DockerCli docker;
    private final NodeFiles files;

    NodeScripts(DockerCli docker, NodeFiles files) {
        this.docker = docker;
        this.files = files;
    }

    /** Whether {@code script} is one of these, by its first words. */
    static boolean answers(String script, String name) {
        return name.equals(UPLOAD) || script.startsWith("docker network inspect") || script.startsWith("docker image inspect")
                || script.startsWith("docker stop") || script.startsWith("mkdir -p") || script.startsWith("rm -rf --");
    }

    SimulatedShell.Answer run(String script, String name, List<String> args, String stdin) {
        String first = args.isEmpty() ? "" : args.get(0);
        if (name.equals(UPLOAD)) {
            files.write(first, stdin);
            return SimulatedShell.Answer.ok("");
        }
        if (script.startsWith("docker network inspect")) {
            if (docker.run(List.of("network", "inspect", first)).exitCode() == 0) {
                return SimulatedShell.Answer.ok("");
            }
            int exit = docker.run(List.of("network", "create", "--label", "berth.dev/managed=true", first)).exitCode();
            return exit == 0 ? SimulatedShell.Answer.ok("") : SimulatedShell.Answer.fail(exit, "");
        }
        if (script.startsWith("docker stop")) {
            docker.run(List.of("rm", "--force", first));
            return SimulatedShell.Answer.ok("");
        }
        // pull if missing (every image is there), prepare a directory, clean up a pod's files
        return SimulatedShell.Answer.ok("");
    }
}
