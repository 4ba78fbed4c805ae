package dev.berth.archive;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileArchiveTest {
    private static final byte[] VALUE = "s3cr3t".getBytes(StandardCharsets.UTF_8);

    @Test
    void holdsEachEntryWithItsModeOwnedByRootThenTwoEmptyBlocks() {
        FileArchive archive = new FileArchive(List.of(FileArchive.Entry.directory("etc/creds", 0755),
                FileArchive.Entry.file("etc/creds/pw", 0400, VALUE)));

        byte[] bytes = archive.bytes();

        assertThat(TarEntries.lines(bytes)).containsExactly("0755 0/0 etc/creds/ 0", "0400 0/0 etc/creds/pw 6");
        assertThat(TarEntries.read(bytes).get(1).content()).isEqualTo(VALUE);
        assertThat(bytes).hasSize(512 * 5);
        assertThat(archive.fileCount()).isEqualTo(1);
    }

    @Test
    void putsALongPathInAPaxHeader() {
        String path = "etc/" + "k".repeat(150);

        byte[] bytes = new FileArchive(List.of(FileArchive.Entry.file(path, 0644, VALUE))).bytes();

        assertThat(TarEntries.lines(bytes)).containsExactly("0644 0/0 " + path + " 6");
    }

    @Test
    void countsThePaxRecordsOwnLengthInIt() {
        for (int length = 1; length < 120; length++) {
            byte[] record = FileArchive.paxRecord("path", "p".repeat(length));
            String text = new String(record, StandardCharsets.UTF_8);
            assertThat(Integer.parseInt(text.substring(0, text.indexOf(' ')))).isEqualTo(record.length);
        }
    }

    @Test
    void isTheSameBytesForTheSameFiles() {
        FileArchive.Entry entry = FileArchive.Entry.file("a", 0600, VALUE);
        assertThat(new FileArchive(List.of(entry)).bytes()).isEqualTo(new FileArchive(List.of(entry)).bytes());
        assertThat(new FileArchive(List.of(entry))).isEqualTo(new FileArchive(List.of(
                FileArchive.Entry.file("a", 0600, "s3cr3t".getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void neverShowsAFilesContent() {
        assertThat(new FileArchive(List.of(FileArchive.Entry.file("etc/pw", 0400, VALUE))).toString())
                .contains("etc/pw 0400 6 bytes").doesNotContain("s3cr3t");
    }

    @Test
    void refusesAPathThatLeavesTheRoot() {
        assertThatThrownBy(() -> FileArchive.Entry.file("/etc/pw", 0400, VALUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileArchive.Entry.file("etc/../../pw", 0400, VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
