package dev.berth.install;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installs into a temporary prefix with the jar the build just packaged, and runs the installed
 * launcher. Runs after {@code package} (failsafe), so install.sh reuses target/berth.jar.
 */
@Tag("install")
class InstallScriptIT {
    @TempDir
    Path prefix;

    @Test
    void installsLauncherJarManPagesAndCompletionsIntoThePrefix() throws IOException, InterruptedException {
        ShellScript.Result install = ShellScript.run(Map.of(), "sh", "./install.sh", "--prefix", prefix.toString());
        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(install.out()).doesNotContain("Building").startsWith("Installed berth into " + prefix + ": berth ");

        assertThat(prefix.resolve("bin/berth")).isExecutable();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(prefix.resolve("bin/berth"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(prefix.resolve("share/berth/berth.jar")).isRegularFile();
        assertThat(prefix.resolve("share/man/man1/berth.1")).hasSameTextualContentAs(
                ShellScript.PROJECT.resolve("man/berth.1"));
        assertThat(prefix.resolve("share/man/man1/berth-config-set-context.1")).isRegularFile();
        assertThat(prefix.resolve("share/bash-completion/completions/berth")).isRegularFile();
        assertThat(prefix.resolve("share/zsh/site-functions/_berth")).isRegularFile();
        assertThat(prefix.resolve("share/fish/vendor_completions.d/berth.fish")).isRegularFile();

        ShellScript.Result version = ShellScript.run(Map.of(), prefix.resolve("bin/berth").toString(), "version");
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.out()).matches("berth \\S+ \\(commit \\S+.*\\)\\n");
        assertThat(version.err()).isEmpty();
    }

    @Test
    void theLauncherPassesArgumentsAndExitCodesThrough() throws IOException, InterruptedException {
        assertThat(ShellScript.run(Map.of(), "sh", "./install.sh", "--prefix", prefix.toString()).exitCode()).isZero();
        ShellScript.Result result = ShellScript.run(Map.of("XDG_CONFIG_HOME", prefix.resolve("config").toString()),
                prefix.resolve("bin/berth").toString(), "config", "use-context", "with space");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: unknown context \"with space\": no contexts are defined; "
                + "create one with berth config set-context with space --cluster FILE\n");
    }
}
