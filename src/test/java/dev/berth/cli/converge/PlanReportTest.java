package dev.berth.cli.converge;

import dev.berth.cli.output.Palette;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanReportTest {
    @Test
    void coloursStartsGreenAndRemovalsRed() {
        assertThat(PlanReport.coloured("  + start web-7f9c-x2 (nginx:1.27)", Palette.ANSI))
                .isEqualTo("\u001B[32m  + start web-7f9c-x2 (nginx:1.27)\u001B[0m");
        assertThat(PlanReport.coloured("  - remove web-1 (surplus)", Palette.ANSI))
                .isEqualTo("\u001B[31m  - remove web-1 (surplus)\u001B[0m");
    }

    @Test
    void leavesNodeHeadingsOtherStepsAndPendingLinesPlain() {
        for (String line : new String[] {"node-1:", "  ~ write /srv/berth/x (12 bytes)",
                "pending: default/web: 0/3 nodes fit", "deployment.apps/web configured"}) {
            assertThat(PlanReport.coloured(line, Palette.ANSI)).isEqualTo(line);
        }
    }

    @Test
    void addsNothingWithoutColour() {
        assertThat(PlanReport.coloured("  + start web-1", Palette.PLAIN)).isEqualTo("  + start web-1");
    }
}
