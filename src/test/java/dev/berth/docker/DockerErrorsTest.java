package dev.berth.docker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DockerErrorsTest {

    @Test
    void keepsTheReasonDockerRunGivesAboveItsUsageHint() {
        String stderr = """
                Unable to find image 'registry.example.com/web:v9' locally
                docker: Error response from daemon: manifest for registry.example.com/web:v9 not found: manifest \
                unknown: manifest unknown.
                See 'docker run --help'.
                """;

        String reason = DockerErrors.reason(stderr);

        assertThat(reason).isEqualTo("docker: Error response from daemon: manifest for registry.example.com/web:v9 "
                + "not found: manifest unknown: manifest unknown.");
        assertThat(DockerErrors.pullFailed(reason)).isTrue();
    }

    @Test
    void leavesOutThePullProgressBeforeTheReason() {
        String stderr = """
                Unable to find image 'registry.example.com/web:v9' locally
                v9: Pulling from web
                a2abf6c4d29d: Pulling fs layer
                docker: Error response from daemon: Get "https://registry.example.com/v2/": dial tcp 10.0.0.5:443: \
                connect: connection refused.
                Run 'docker run --help' for more information
                """;

        String reason = DockerErrors.reason(stderr);

        assertThat(reason).startsWith("docker: Error response from daemon: Get \"https://registry.example.com/v2/\"")
                .endsWith("connect: connection refused.");
        assertThat(DockerErrors.pullFailed(reason)).isTrue();
    }

    @Test
    void knowsAPullThatWasDeniedFromOtherFailures() {
        assertThat(DockerErrors.pullFailed("exit 1: Error response from daemon: pull access denied for web, "
                + "repository does not exist or may require 'docker login'")).isTrue();
        assertThat(DockerErrors.pullFailed("exit 125: docker: Error response from daemon: no space left on device."))
                .isFalse();
        assertThat(DockerErrors.pullFailed("exit 125: docker: Error response from daemon: Conflict. The container "
                + "name \"/default_web-abc_app\" is already in use")).isFalse();
    }

    @Test
    void aSingleLineIsKeptAsItIsAndNothingSaysNothing() {
        assertThat(DockerErrors.reason("Error: No such container: 3f2a\n")).isEqualTo("Error: No such container: 3f2a");
        assertThat(DockerErrors.reason("")).isEmpty();
        assertThat(DockerErrors.reason("See 'docker run --help'.\n")).isEqualTo("See 'docker run --help'.");
    }
}
