package dev.berth.lab;

import dev.berth.error.BerthException;
import dev.berth.error.ExitCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PreflightTest {
    private static final Set<HostProgram> EVERYTHING = Set.of(HostProgram.DOCKER, HostProgram.SSH_KEYGEN,
            HostProgram.BASH, HostProgram.DEBOOTSTRAP, HostProgram.DOCKER_REGISTRY, HostProgram.BUSYBOX,
            HostProgram.NGINX);

    private static HostFacts facts(Optional<String> engineProblem, boolean root, Set<HostProgram> present) {
        return new HostFacts(engineProblem, root, present);
    }

    private static Set<HostProgram> without(HostProgram... absent) {
        Set<HostProgram> present = new HashSet<>(EVERYTHING);
        List.of(absent).forEach(present::remove);
        return present;
    }

    @Nested
    class Engine {
        @Test
        void passesWhenTheEngineAnswers() {
            assertThat(Preflight.engine(facts(Optional.empty(), false, EVERYTHING))).isEmpty();
        }

        @Test
        void anEngineThatDoesNotAnswerIsExitThreeWithWhatToRun() {
            BerthException problem = Preflight.engine(facts(Optional.of("Cannot connect to the Docker daemon"),
                    true, EVERYTHING)).orElseThrow();
            assertThat(problem.exitCode()).isEqualTo(ExitCode.NOT_CONVERGED);
            assertThat(problem.getMessage()).isEqualTo("lab: no Docker engine answers (Cannot connect to the Docker daemon);"
                    + " run: scripts/prepare-host (or: apt-get install -y docker.io && dockerd &)");
        }

        @Test
        void aMissingDockerClientIsExitTwoNamingThePackage() {
            BerthException problem = Preflight.engine(facts(Optional.empty(), true, without(HostProgram.DOCKER)))
                    .orElseThrow();
            assertThat(problem.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(problem.getMessage()).isEqualTo("lab: missing on this machine: docker.io (the Docker client);"
                    + " run: scripts/prepare-host (or: apt-get install -y docker.io)");
        }
    }

    @Nested
    class Up {
        @Test
        void withAllImagesBuiltNeedsOnlyTheKeyGeneratorAndNoRoot() {
            assertThat(Preflight.up(facts(Optional.empty(), false, Set.of(HostProgram.DOCKER, HostProgram.SSH_KEYGEN)),
                    ImageNeeds.NONE)).isEmpty();
        }

        @Test
        void listsEveryMissingProgramInOneLine() {
            BerthException problem = Preflight.up(facts(Optional.empty(), true,
                            without(HostProgram.DEBOOTSTRAP, HostProgram.BUSYBOX, HostProgram.SSH_KEYGEN)),
                    new ImageNeeds(true, true, true)).orElseThrow();
            assertThat(problem.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(problem.getMessage()).isEqualTo("lab: missing on this machine: openssh-client (the lab's key pair),"
                    + " debootstrap (the node image), busybox-static (the app images);"
                    + " run: scripts/prepare-host (or: apt-get install -y openssh-client debootstrap busybox-static)");
        }

        @Test
        void asksOnlyForWhatThePendingBuildsNeed() {
            assertThat(Preflight.up(facts(Optional.empty(), true, without(HostProgram.DEBOOTSTRAP, HostProgram.NGINX)),
                    new ImageNeeds(false, true, false))).isEmpty();
        }

        @Test
        void buildingTheNodeImageNeedsRoot() {
            BerthException problem = Preflight.up(facts(Optional.empty(), false, EVERYTHING),
                    new ImageNeeds(true, false, false)).orElseThrow();
            assertThat(problem.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(problem.getMessage()).isEqualTo("lab: the node image is built once, as root (debootstrap);"
                    + " run: sudo scripts/prepare-host && sudo berth lab up");
        }
    }
}
