package dev.berth.cli.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ManPageTest {
    private final Map<String, String> files = ReferenceGenerator.files();

    @Test
    void theRootPageDocumentsEveryExitCodeFilesAndEnvironment() {
        String page = files.get("man/berth.1");
        assertThat(page).startsWith(".TH BERTH 1 \"\" \"berth\" \"berth manual\"\n")
                .contains(".SH \"EXIT STATUS\"\n.TP\n\\fB0\\fR\nsuccess, or the cluster is in sync\n")
                .contains(".TP\n\\fB4\\fR\ninternal error in berth\n")
                .contains(".SH \"FILES\"\n.TP\n\\fI\\(ti/.config/berth/config.yaml\\fR\n")
                .contains("\\fBBERTH_CLUSTER\\fR", "\\fBXDG_CONFIG_HOME\\fR", "\\fBNO_COLOR\\fR")
                .contains(".SH \"SEE ALSO\"\n\\fBberth\\-validate\\fR(1), ")
                .contains("\\fBberth\\-config\\fR(1), \\fBberth\\-completion\\fR(1), \\fBberth\\-version\\fR(1)\n");
    }

    @Test
    void aNestedPageNamesItsParentAndSeparatesItsOwnOptionsFromGlobalOnes() {
        String page = files.get("man/berth-rollout-status.1");
        assertThat(page).contains(".SH \"SYNOPSIS\"\n\\fBberth rollout status\\fR [\\fIOPTIONS\\fR] "
                        + "\\fIdeployment/NAME\\fR...\n")
                .contains(".SH \"OPTIONS\"\n.TP\n\\fB\\-w\\fR, \\fB\\-\\-watch\\fR\n")
                .contains(".SH \"GLOBAL OPTIONS\"\n.TP\n\\fB\\-\\-cluster\\fR=\\fIFILE\\fR\n")
                .endsWith(".SH \"SEE ALSO\"\n\\fBberth\\-rollout\\fR(1)\n");
    }

    @Test
    void aVerbsExamplesBecomeItsExamplesSectionPreformatted() {
        assertThat(files.get("man/berth-lab-node-kill.1"))
                .contains(".SH \"EXAMPLES\"\n.nf\n# Power off node\\-2, see it Unreachable, let reconcile move its "
                        + "replicas away\nberth lab node kill node\\-2\nberth \\-\\-context lab get nodes\n")
                .contains("\n.sp\n# Node 3 of the lab ci\nberth lab node kill 3 \\-\\-name ci\n.fi\n.SH \"SEE ALSO\"\n");
        files.forEach((name, text) -> {
            if (name.startsWith("man/berth-")) {
                assertThat(text).as(name).contains(".SH \"EXAMPLES\"\n.nf\n# ").doesNotContain("Examples:");
            }
        });
    }

    @Test
    void theRootPageHasItsFilesSectionAndNoExamples() {
        assertThat(files.get("man/berth.1")).contains(".SH \"FILES\"\n").doesNotContain(".SH \"EXAMPLES\"");
    }

    @Test
    void noPageHasADateOrVersionThatWouldChangePerBuild() {
        files.forEach((name, text) -> assertThat(text).as(name).doesNotContainPattern("20\\d\\d-\\d\\d-\\d\\d")
                .doesNotContain("SNAPSHOT"));
    }

    @Test
    void groffRendersEveryPageWithoutWarnings() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "groff is not installed");
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!file.getKey().startsWith("man/")) {
                continue;
            }
            Process groff = new ProcessBuilder("groff", "-man", "-ww", "-z").redirectErrorStream(true).start();
            groff.getOutputStream().write(file.getValue().getBytes(StandardCharsets.UTF_8));
            groff.getOutputStream().close();
            String warnings = new String(groff.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(groff.waitFor()).as(file.getKey()).isZero();
            assertThat(warnings).as(file.getKey()).isEmpty();
        }
    }
}
