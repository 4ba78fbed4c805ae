package dev.berth.docker;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachCommandsTest {
    private static final String ID = "85686b0c06cd6fd2fee4f8347851f3c96a21bc791fd6cbfd2dc8fbef137b2d1e";
    private static final Instant STARTED = Instant.parse("2026-03-02T09:00:01.123456789Z");

    static String line(List<String> argv) {
        return String.join(" ", argv);
    }

    @Nested
    class Logs {
        /** A followed log ends when berth's channel does: the wrapper of {@code AttachCommands.untilInputEnds}. */
        private static final String FOLLOWED = String.join(" ", AttachCommands.untilInputEnds(List.of())) + " ";

        @Test
        void wholeLogOnce() {
            assertThat(line(AttachCommands.logs(ID, LogRequest.whole()))).isEqualTo("docker logs -- " + ID);
        }

        @Test
        void followingTheLastLinesWithTimestamps() {
            LogRequest request = new LogRequest(true, Optional.empty(), Optional.empty(), Optional.empty(), 10, true);

            assertThat(line(AttachCommands.logs(ID, request)))
                    .isEqualTo(FOLLOWED + "docker logs --follow --timestamps --tail 10 -- " + ID);
        }

        @Test
        void sinceADurationInGoSyntax() {
            LogRequest minutes = new LogRequest(false, Optional.of(Duration.ofMinutes(5)), Optional.empty(),
                    Optional.empty(), -1, false);
            LogRequest millis = new LogRequest(false, Optional.of(Duration.ofMillis(1500)), Optional.empty(),
                    Optional.empty(), -1, false);

            assertThat(line(AttachCommands.logs(ID, minutes))).isEqualTo("docker logs --since 300s -- " + ID);
            assertThat(line(AttachCommands.logs(ID, millis))).isEqualTo("docker logs --since 1500ms -- " + ID);
        }

        @Test
        void whatAnEarlierInstanceWroteEndsWhereTheCurrentOneStarted() {
            LogRequest request = new LogRequest(false, Optional.of(Duration.ofHours(1)), Optional.empty(),
                    Optional.empty(), 20, false).until(STARTED);

            assertThat(line(AttachCommands.logs(ID, request)))
                    .isEqualTo("docker logs --since 3600s --until 2026-03-02T09:00:01.123456789Z --tail 20 -- " + ID);
        }

        @Test
        void aContainerThatStartedAgainIsReadFromItsStartWhateverSinceAndTailSaid() {
            LogRequest request = new LogRequest(true, Optional.of(Duration.ofSeconds(30)), Optional.empty(),
                    Optional.empty(), 5, false).startingAt(STARTED);

            assertThat(line(AttachCommands.logs(ID, request)))
                    .isEqualTo(FOLLOWED + "docker logs --follow --since 2026-03-02T09:00:01.123456789Z -- " + ID);
        }

        @Test
        void tailZeroIsNoOldLinesAtAll() {
            LogRequest request = new LogRequest(true, Optional.empty(), Optional.empty(), Optional.empty(), 0, false);

            assertThat(line(AttachCommands.logs(ID, request)))
                    .isEqualTo(FOLLOWED + "docker logs --follow --tail 0 -- " + ID);
        }
    }

    @Nested
    class Exec {
        @Test
        void withoutInputTheCommandWordsFollowTheContainer() {
            assertThat(AttachCommands.exec(ID, false, false, List.of("ls", "-l", "/; rm -rf /")))
                    .containsExactly("docker", "exec", "--", ID, "ls", "-l", "/; rm -rf /");
        }

        @Test
        void forPipesInputOnly() {
            assertThat(line(AttachCommands.exec(ID, true, false, List.of("cat"))))
                    .isEqualTo("docker exec --interactive -- " + ID + " cat");
        }

        @Test
        void onATerminal() {
            assertThat(line(AttachCommands.exec(ID, true, true, List.of("sh"))))
                    .isEqualTo("docker exec --interactive --tty -- " + ID + " sh");
        }

        @Test
        void optionsOfTheCommandStayTheCommands() {
            assertThat(AttachCommands.exec(ID, true, false, List.of("--help")))
                    .endsWith(ID, "--help");
        }
    }

    @Test
    void refusesAnythingThatIsNotAContainerId() {
        assertThatThrownBy(() -> AttachCommands.logs("--follow", LogRequest.whole()))
                .hasMessage("not a container id: --follow");
        assertThatThrownBy(() -> AttachCommands.exec("web", false, false, List.of("sh")))
                .hasMessage("not a container id: web");
        assertThatThrownBy(() -> AttachCommands.exec(ID, false, false, List.of()))
                .hasMessage("a command to run is needed");
    }
}
