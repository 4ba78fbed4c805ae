package dev.berth.lab;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocalProcessTest {
    private final LocalProcess processes = new LocalProcess();

    @Test
    void capturesOutputAndExitCode() {
        ProcessResult result = processes.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"),
                Duration.ofSeconds(10));
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(result.succeeded()).isFalse();
        assertThat(result.reason()).isEqualTo("err");
    }

    @Test
    void passesArgumentsUntouchedWithoutAShell() {
        ProcessResult result = processes.run(List.of("printf", "%s|", "a b", "$(id)", "'q'"), Duration.ofSeconds(10));
        assertThat(result.output()).isEqualTo("a b|$(id)|'q'|");
    }

    @Test
    void feedsStandardInput() {
        assertThat(processes.run(List.of("cat"), Duration.ofSeconds(10), "hello\n").stdout()).isEqualTo("hello\n");
    }

    @Test
    void killsACommandThatRunsTooLong() {
        long started = System.nanoTime();
        ProcessResult result = processes.run(List.of("sleep", "30"), Duration.ofMillis(300));
        assertThat(result.timedOut()).isTrue();
        assertThat(result.reason()).isEqualTo("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("killed before it would have ended by itself")
                .isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void reportsAMissingProgramLikeAShell() {
        ProcessResult result = processes.run(List.of("no-such-program-berth"), Duration.ofSeconds(10));
        assertThat(result.exitCode()).isEqualTo(ProcessResult.NOT_FOUND);
        assertThat(result.reason()).startsWith("cannot run no-such-program-berth: ");
    }
}
