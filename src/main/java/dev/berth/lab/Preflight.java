package dev.berth.lab;

import dev.berth.error.BerthException;
import dev.berth.error.ClusterException;
import dev.berth.error.ExitCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, before anything is touched, whether this machine can run a lab, and if not says in one line
 * what to run. A missing program or missing root is exit 2 (nothing was touched, the machine must be
 * prepared); a Docker engine that does not answer is exit 3 (a component is unreachable).
 */
public final class Preflight {
    static final String PREPARE = "scripts/prepare-host";

    private Preflight() {
    }

    /** Checks what every lab command needs: the docker client and an engine that answers. */
    public static Optional<BerthException> engine(HostFacts facts) {
        if (!facts.present().contains(HostProgram.DOCKER)) {
            return Optional.of(missing(List.of(HostProgram.DOCKER)));
        }
        return facts.engineProblem().map(problem -> new ClusterException(
                "lab: no Docker engine answers (" + problem + "); run: " + PREPARE
                        + " (or: apt-get install -y docker.io && dockerd &)"));
    }

    /** Checks what {@code lab up} needs: a key generator, and what the pending image builds need. */
    public static Optional<BerthException> up(HostFacts facts, ImageNeeds needs) {
        List<HostProgram> wanted = new ArrayList<>();
        wanted.add(HostProgram.SSH_KEYGEN);
        wanted.addAll(needs.programs());
        List<HostProgram> absent = wanted.stream().filter(p -> !facts.present().contains(p)).toList();
        if (!absent.isEmpty()) {
            return Optional.of(missing(absent));
        }
        if (needs.node() && !facts.root()) {
            return Optional.of(new BerthException(ExitCode.INVALID_INPUT,
                    "lab: the node image is built once, as root (debootstrap); run: sudo " + PREPARE
                            + " && sudo berth lab up"));
        }
        return Optional.empty();
    }

    private static BerthException missing(List<HostProgram> programs) {
        String what = String.join(", ", programs.stream()
                .map(p -> p.debianPackage() + " (" + p.purpose() + ")").toList());
        String packages = String.join(" ", programs.stream().map(HostProgram::debianPackage).distinct().toList());
        return new BerthException(ExitCode.INVALID_INPUT, "lab: missing on this machine: " + what
                + "; run: " + PREPARE + " (or: apt-get install -y " + packages + ")");
    }
}
