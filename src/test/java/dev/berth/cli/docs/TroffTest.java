package dev.berth.cli.docs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TroffTest {
    @Test
    void hyphensBecomeMinusSignsSoOptionsCanBeCopied() {
        assertThat(Troff.escape("--no-color")).isEqualTo("\\-\\-no\\-color");
    }

    @Test
    void backslashesAreEscaped() {
        assertThat(Troff.escape("C:\\path")).isEqualTo("C:\\epath");
    }

    @Test
    void aLeadingDotIsNotReadAsARequest() {
        assertThat(Troff.escape(".config is read")).isEqualTo("\\&.config is read");
        assertThat(Troff.escape("a.b")).isEqualTo("a.b");
    }

    @Test
    void quotesCannotStartARequestOrEndAMacroArgument() {
        assertThat(Troff.escape("'quoted' \"text\"")).isEqualTo("\\(aqquoted\\(aq \\(dqtext\\(dq");
    }

    @Test
    void charactersOutsideAsciiAreNamedByCodePoint() {
        assertThat(Troff.escape("a — b 🚢")).isEqualTo("a \\[u2014] b \\[u1F6A2]");
    }

    @Test
    void lineBreaksAndControlCharactersCannotStartANewLine() {
        assertThat(Troff.escape("one\n.two\u0007")).isEqualTo("one .two");
    }

    @Test
    void boldAndItalicEscapeTheirText() {
        assertThat(Troff.bold("-o")).isEqualTo("\\fB\\-o\\fR");
        assertThat(Troff.italic("~/x")).isEqualTo("\\fI\\(ti/x\\fR");
    }
}
