package dev.berth.docker;

import dev.berth.archive.FileArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The script of a start that copies files in, run by a real {@code sh} against a {@code docker} that only notes
 * what it was asked: create, copy (reading the archive from standard input), start; a failed copy removes the
 * container and its replica's scratch volumes, and never starts it.
 */
class CreateCopyStartTest {
    private static final String DOCKER = """
            #!/bin/sh
            echo "$*" >> "$LOG"
            case "$1 $2" in
              "create "*) echo c0ffee ;;
              "cp "*) cat > "$COPIED"; exit "$CP_EXIT" ;;
              "inspect "*) echo web-1-x ;;
              "volume ls") echo berth_default_web-1-x_conf ;;
            esac
            """;

    @TempDir
    Path bin;

    @Test
    void createsCopiesTheArchiveFromStandardInputThenStartsAndPrintsTheId() throws Exception {
        byte[] archive = new FileArchive(List.of(FileArchive.Entry.file("etc/pw", 0400, new byte[]{1, 2}))).bytes();

        Result result = run(archive, 0);

        assertThat(result.exit()).isZero();
        assertThat(result.stdout()).isEqualTo("c0ffee\n");
        assertThat(result.log()).containsExactly("create --name web_app --label a=b img:1",
                "cp --archive - c0ffee:/", "start c0ffee");
        assertThat(Files.readAllBytes(bin.resolve("copied"))).isEqualTo(archive);
    }

    @Test
    void removesTheContainerAndItsReplicasScratchVolumesWhenTheCopyFails() throws Exception {
        Result result = run(FileArchive.EMPTY.bytes(), 3);

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.log()).containsExactly("create --name web_app --label a=b img:1", "cp --archive - c0ffee:/",
                "inspect --format {{index .Config.Labels \"berth.dev/pod\"}} c0ffee", "rm --force c0ffee",
                "volume ls --quiet --filter label=berth.dev/pod=web-1-x", "volume rm berth_default_web-1-x_conf");
    }

    private record Result(int exit, String stdout, List<String> log) {
    }

    private Result run(byte[] stdin, int cpExit) throws IOException, InterruptedException {
        Path docker = Files.writeString(bin.resolve("docker"), DOCKER);
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwx------"));
        List<String> argv = new ArrayList<>(List.of("sh", "-c", ContainerRunCommand.CREATE_COPY_START, "sh",
                "--name", "web_app", "--label", "a=b", "img:1"));
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("LOG", bin.resolve("log").toString());
        builder.environment().put("COPIED", bin.resolve("copied").toString());
        builder.environment().put("CP_EXIT", Integer.toString(cpExit));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path log = bin.resolve("log");
        return new Result(process.exitValue(), stdout, Files.exists(log) ? Files.readAllLines(log) : List.of());
    }
}
