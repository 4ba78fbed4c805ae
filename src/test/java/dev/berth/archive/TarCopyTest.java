package dev.berth.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Archives made by GNU tar in its PAX and GNU formats, read, passed on and digested. */
class TarCopyTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryMemberWithItsMetadataInBothFormats() throws Exception {
        tree();
        for (String format : List.of("pax", "gnu")) {
            List<TarEntry> entries = new ArrayList<>();
            TarCopy.copy(new ByteArrayInputStream(tar(format)), OutputStream.nullOutputStream(), entry -> {
                entries.add(entry);
                return false;
            }, bytes -> { });
            assertThat(entries).extracting(TarEntry::name).contains("", "a.txt", "sub", "sub/link",
                    "sub/" + "n".repeat(150));
            TarEntry file = entries.stream().filter(e -> e.name().equals("a.txt")).findFirst().orElseThrow();
            assertThat(file.type()).isEqualTo(TarEntry.FILE);
            assertThat(file.size()).isEqualTo(6);
            assertThat(file.mode()).isEqualTo(0640);
            TarEntry link = entries.stream().filter(e -> e.name().equals("sub/link")).findFirst().orElseThrow();
            assertThat(link.type()).isEqualTo('2');
            assertThat(link.linkName()).isEqualTo("../a.txt");
            assertThat(entries.stream().filter(e -> e.name().equals("sub")).findFirst().orElseThrow().directory())
                    .isTrue();
        }
    }

    @Test
    void theDigestFollowsContentAndModeButNotTheFormat() throws Exception {
        tree();
        String pax = digest(tar("pax"));
        assertThat(digest(tar("gnu"))).isEqualTo(pax);
        Files.writeString(dir.resolve("tree/a.txt"), "hellO\n");
        String changed = digest(tar("pax"));
        assertThat(changed).isNotEqualTo(pax);
        Files.setPosixFilePermissions(dir.resolve("tree/a.txt"), PosixFilePermissions.fromString("rw-------"));
        assertThat(digest(tar("pax"))).isNotEqualTo(changed);
    }

    @Test
    void whatPassesIsAnArchiveOfThoseMembersThatTarExtracts() throws Exception {
        tree();
        byte[] all = tar("pax");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarCopy.Summary summary = TarCopy.copy(new ByteArrayInputStream(all), out,
                entry -> !entry.name().equals("a.txt"), bytes -> { });
        assertThat(summary.files()).isEqualTo(2);
        assertThat(summary.bytesSent()).isLessThan(summary.bytesRead());
        Path target = Files.createDirectory(dir.resolve("out"));
        Process untar = new ProcessBuilder("tar", "-x", "-C", target.toString()).redirectErrorStream(true).start();
        untar.getOutputStream().write(out.toByteArray());
        untar.getOutputStream().close();
        assertThat(untar.waitFor()).isZero();
        assertThat(target.resolve("a.txt")).doesNotExist();
        assertThat(Files.readString(target.resolve("sub/" + "n".repeat(150)))).isEqualTo("long\n");
        assertThat(Files.readSymbolicLink(target.resolve("sub/link")).toString()).isEqualTo("../a.txt");
    }

    @Test
    void progressHearsEveryByteRead() throws Exception {
        tree();
        byte[] all = tar("pax");
        long[] last = {0};
        TarCopy.Summary summary = TarCopy.copy(new ByteArrayInputStream(all), null, entry -> false,
                bytes -> last[0] = bytes);
        assertThat(last[0]).isEqualTo(summary.bytesRead());
        assertThat(summary.bytesSent()).isZero();
    }

    @Test
    void aTruncatedArchiveIsAnErrorNotAShorterTree() throws Exception {
        tree();
        Files.write(dir.resolve("tree/big"), new byte[100_000]);
        byte[] all = tar("pax");
        byte[] cut = Arrays.copyOf(all, 60_000);
        assertThatThrownBy(() -> TarCopy.copy(new ByteArrayInputStream(cut), null, entry -> false, bytes -> { }))
                .isInstanceOf(EOFException.class);
        byte[] garbage = new byte[1024];
        Arrays.fill(garbage, (byte) 'x');
        assertThatThrownBy(() -> TarCopy.copy(new ByteArrayInputStream(garbage), null, entry -> false, bytes -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("not a tar header");
    }

    private String digest(byte[] tar) throws IOException {
        return TarCopy.copy(new ByteArrayInputStream(tar), null, entry -> true, bytes -> { }).digest();
    }

    private void tree() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree/sub"));
        Files.writeString(tree.getParent().resolve("a.txt"), "hello\n");
        Files.setPosixFilePermissions(tree.getParent().resolve("a.txt"), PosixFilePermissions.fromString("rw-r-----"));
        Files.writeString(tree.resolve("n".repeat(150)), "long\n");
        Files.createSymbolicLink(tree.resolve("link"), Path.of("../a.txt"));
    }

    private byte[] tar(String format) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "--format=" + format, "-c", "-C", dir.resolve("tree").toString(), ".")
                .start();
        byte[] bytes = tar.getInputStream().readAllBytes();
        assertThat(tar.waitFor()).isZero();
        return bytes;
    }
}
