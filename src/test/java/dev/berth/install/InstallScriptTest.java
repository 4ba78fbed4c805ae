package dev.berth.install;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** install.sh and the launcher refuse bad arguments and missing or old Java before touching anything. */
class InstallScriptTest {
    @TempDir
    Path directory;

    private ShellScript.Result install(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "sh";
        command[1] = "./install.sh";
        System.arraycopy(args, 0, command, 2, args.length);
        return ShellScript.run(environment, command);
    }

    /** A JAVA_HOME whose java claims to be the given version, in its release file and in java -version. */
    private Path fakeJava(String version) throws IOException {
        Path home = Files.createDirectories(directory.resolve("jdk-" + version));
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.writeString(bin.resolve("java"),
                "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2020-01-01' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    @Nested
    class Arguments {
        @Test
        void helpDescribesThePrefixLayout() throws IOException, InterruptedException {
            ShellScript.Result result = install(Map.of(), "--help");
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).startsWith("Usage: ./install.sh [--prefix DIR] [--build]\n")
                    .contains("DIR/share/zsh/site-functions/_berth");
        }

        @Test
        void anUnknownArgumentIsAUsageError() throws IOException, InterruptedException {
            ShellScript.Result result = install(Map.of(), "--frobnicate");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo(
                    "install.sh: unknown argument: --frobnicate\nRun ./install.sh --help for usage.\n");
        }

        @Test
        void prefixNeedsADirectory() throws IOException, InterruptedException {
            ShellScript.Result result = install(Map.of(), "--prefix");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("install.sh: --prefix needs a directory\n");
        }
    }

    @Nested
    class Java {
        @Test
        void aJavaHomeWithoutJavaIsNamed() throws IOException, InterruptedException {
            Path empty = Files.createDirectories(directory.resolve("empty"));
            ShellScript.Result result = install(Map.of("JAVA_HOME", empty.toString()),
                    "--prefix", directory.resolve("prefix").toString());
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("install.sh: JAVA_HOME is " + empty + ", but " + empty
                    + "/bin/java is missing: point JAVA_HOME at Java 17 or newer, or unset it\n");
            assertThat(directory.resolve("prefix")).doesNotExist();
        }

        @Test
        void anOldJavaIsRefusedWithTheCommandToFixIt() throws IOException, InterruptedException {
            Path old = fakeJava("11.0.2");
            ShellScript.Result result = install(Map.of("JAVA_HOME", old.toString()),
                    "--prefix", directory.resolve("prefix").toString());
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("install.sh: " + old + "/bin/java is Java 11.0.2, but berth needs 17 "
                    + "or newer; install it with: sudo apt-get install openjdk-17-jre-headless\n");
        }

        @Test
        void theLauncherRefusesAnOldJavaBeforeStartingIt() throws IOException, InterruptedException {
            Path old = fakeJava("1.8.0_392");
            Path launcher = Files.copy(ShellScript.PROJECT.resolve("src/main/launcher/berth"),
                    directory.resolve("berth"));
            Map<String, String> environment = new HashMap<>();
            environment.put("JAVA_HOME", old.toString());
            ShellScript.Result result = ShellScript.run(environment, "sh", launcher.toString(), "version");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("berth: " + old + "/bin/java is Java 1.8.0_392, but berth needs "
                    + "Java 17 or newer; set JAVA_HOME or on Debian or Ubuntu: "
                    + "sudo apt-get install openjdk-17-jre-headless\n");
        }
    }
}
