package dev.berth.cli.attach;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class LogLinesTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final LogLines lines = new LogLines(new PrintWriter(out), new PrintWriter(err));

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void linesOfTwoSourcesInterleaveWholeNeverMidLine() {
        LogLines.Source web = lines.source("[pod/web-1/web] ");
        LogLines.Source api = lines.source("[pod/api-1/api] ");

        web.stdout(bytes("first half of a li"));
        api.stdout(bytes("api line\nanother api"));
        web.stdout(bytes("ne\nsecond\n"));
        api.stdout(bytes(" line\n"));

        assertThat(out).hasToString("""
                [pod/api-1/api] api line
                [pod/web-1/web] first half of a line
                [pod/web-1/web] second
                [pod/api-1/api] another api line
                """);
    }

    @Test
    void aCharacterCutBetweenChunksArrivesWhole() {
        LogLines.Source source = lines.source("");
        byte[] ship = bytes("🚢 ahoy\n");

        source.stdout(Arrays.copyOfRange(ship, 0, 2));
        source.stdout(Arrays.copyOfRange(ship, 2, ship.length));

        assertThat(out).hasToString("🚢 ahoy\n");
    }

    @Test
    void stderrLinesGoToStderrWithTheirPrefix() {
        LogLines.Source source = lines.source("[pod/web-1/web] ");

        source.stderr(bytes("warning: slow\n"));
        source.stdout(bytes("ok\n"));

        assertThat(err).hasToString("[pod/web-1/web] warning: slow\n");
        assertThat(out).hasToString("[pod/web-1/web] ok\n");
    }

    @Test
    void aLastLineWithoutNewlineIsPrintedWhenTheStreamEnds() {
        LogLines.Source source = lines.source("> ");

        source.stdout(bytes("done\nno newline"));
        assertThat(out).hasToString("> done\n");
        source.end();

        assertThat(out).hasToString("> done\n> no newline\n");
    }

    @Test
    void notesGoToStderrBetweenLines() {
        lines.note("following pod/web-2/web on node-1 (new replica)");

        assertThat(err).hasToString("following pod/web-2/web on node-1 (new replica)\n");
        assertThat(out).hasToString("");
    }
}
