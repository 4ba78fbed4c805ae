package dev.berth.cli.output;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** kubectl's tabwriter: minimum width 0, padding 2, cells padded with spaces, the last cell never padded. */
class TabbedTextTest {

    @Test
    void padsEachCellToTheWidestOfItsColumnPlusTwo() {
        String text = new TabbedText().line("REVISION\tCHANGE-CAUSE").line("1\t<none>").line("12\tberth apply")
                .render();

        assertThat(text).isEqualTo("REVISION  CHANGE-CAUSE\n1         <none>\n12        berth apply\n");
    }

    @Test
    void aLineWithoutATabEndsTheColumnsAboveIt() {
        String text = new TabbedText().line("  Labels:\tapp=web").line("  Containers:").line("    Image:\tweb:v1")
                .line("    Host Port:\t0/TCP").render();

        assertThat(text).isEqualTo("  Labels:  app=web\n  Containers:\n    Image:      web:v1\n    Host Port:  0/TCP\n");
    }

    @Test
    void alignsALaterColumnOnlyOverTheLinesThatHaveIt() {
        String text = new TabbedText().line("A:\tx\tOptional: false").line("LONGER:\tlonger value\tOptional: true")
                .line("B:\ty").render();

        assertThat(text).isEqualTo("A:       x             Optional: false\n"
                + "LONGER:  longer value  Optional: true\n"
                + "B:       y\n");
    }

    @Test
    void anEmptyFirstCellContinuesTheColumnOfTheLineAbove() {
        String text = new TabbedText().line("  Labels:\tapp=web").line("\ttier=front").render();

        assertThat(text).isEqualTo("  Labels:  app=web\n           tier=front\n");
    }
}
