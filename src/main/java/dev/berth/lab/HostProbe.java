package dev.berth.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Looks at this machine: which programs exist, whether an engine answers, whether berth runs as root. */
public final class HostProbe {
    private static final List<String> SBIN = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");
    private static final List<HostProgram> ALL = List.of(HostProgram.DOCKER, HostProgram.SSH_KEYGEN,
            HostProgram.BASH, HostProgram.DEBOOTSTRAP, HostProgram.DOCKER_REGISTRY, HostProgram.BUSYBOX,
            HostProgram.NGINX);

    private final LocalProcess processes;
    private final Map<String, String> variables;

    public HostProbe(LocalProcess processes, Map<String, String> variables) {
        this.processes = processes;
        this.variables = variables;
    }

    public HostFacts look() {
        Set<HostProgram> present = new HashSet<>();
        for (HostProgram program : ALL) {
            if (find(program.path()).isPresent()) {
                present.add(program);
            }
        }
        Optional<String> engine = present.contains(HostProgram.DOCKER) ? engineProblem() : Optional.empty();
        return new HostFacts(engine, isRoot(), present);
    }

    /** Only what every lab command needs: the docker client and an engine that answers. */
    public HostFacts lookAtEngine() {
        Set<HostProgram> present = find(HostProgram.DOCKER.path()).isPresent() ? Set.of(HostProgram.DOCKER) : Set.of();
        return new HostFacts(present.isEmpty() ? Optional.empty() : engineProblem(), isRoot(), present);
    }

    private Optional<String> engineProblem() {
        ProcessResult version = processes.run(LabDockerCommands.engineVersion(), Duration.ofSeconds(20));
        return version.succeeded() ? Optional.empty() : Optional.of(version.reason());
    }

    Optional<Path> find(String program) {
        if (program.startsWith("/")) {
            return Files.isExecutable(Path.of(program)) ? Optional.of(Path.of(program)) : Optional.empty();
        }
        List<String> directories = new ArrayList<>(List.of(variables.getOrDefault("PATH", "").split(":")));
        directories.addAll(SBIN);
        return directories.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, program))
                .filter(Files::isExecutable).findFirst();
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
