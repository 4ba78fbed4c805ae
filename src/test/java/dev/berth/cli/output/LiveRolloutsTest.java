package dev.berth.cli.output;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The live display on a terminal emulated in memory: progress drawn in place, kept lines scrolled above. */
class LiveRolloutsTest {
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private Terminal terminal() throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(false).streams(new ByteArrayInputStream(new byte[0]), screen)
                .type("xterm-256color").encoding(StandardCharsets.UTF_8).build();
        terminal.setSize(new Size(100, 20));
        return terminal;
    }

    private String shown() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void drawsWhereARolloutStandsAndKeepsTheLinesThatScrollAbove() throws IOException {
        LiveRollouts live = new LiveRollouts(terminal());

        live.progress("default/web", "Waiting for deployment \"default/web\" rollout to finish: 1 out of 4 new replicas");
        live.accept("node-1: start container default_web-5d8c7f9b2a-x7k2p_app (web:2)");
        live.progress("default/web", "Waiting for deployment \"default/web\" rollout to finish: 2 out of 4 new replicas");
        live.finished("default/web", "deployment \"default/web\" successfully rolled out");
        live.close();

        // JLine redraws only what changed: the second progress line rewrites one character in place
        assertThat(shown()).containsOnlyOnce("1 out of 4 new replicas")
                .contains("node-1: start container default_web-5d8c7f9b2a-x7k2p_app (web:2)\r\n")
                .contains("deployment \"default/web\" successfully rolled out\r\n")
                .as("the status lines are drawn with cursor moves, not printed as lines")
                .contains("\u001b[");
    }

    @Test
    void aRolloutStillUnderWayWhenTheRunEndsIsLeftAsALine() throws IOException {
        LiveRollouts live = new LiveRollouts(terminal());

        live.progress("default/web", "Waiting for deployment \"default/web\" rollout to finish: 3 out of 4 new replicas");
        live.close();

        assertThat(shown()).contains("Waiting for deployment \"default/web\" rollout to finish: 3 out of 4 new replicas\r\n");
    }
}
