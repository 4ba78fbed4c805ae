package dev.berth.archive;

/**
 * One member of a tar stream, with the header blocks that describe it as they came (its own, and any PAX or GNU
 * extension blocks before it), so that it can be passed on unchanged.
 *
 * @param name     the path, with a leading {@code ./} and a trailing {@code /} taken off; the root is {@code ""}
 * @param type     the type flag: {@code '0'} a file ({@code '\0'} is read as {@code '0'}), {@code '5'} a directory,
 *                 {@code '2'} a symbolic link, {@code '1'} a hard link, others as given
 * @param mode     the permission bits, {@code 07777} at most
 * @param size     the bytes of content that follow the header
 * @param mtime    the modification time, in seconds
 * @param linkName the target of a link, else {@code ""}
 * @param header   the raw header blocks, a multiple of 512 bytes
 */
public record TarEntry(String name, char type, int mode, long uid, long gid, long size, long mtime, String linkName,
                       byte[] header) {
    public static final char FILE = '0';
    public static final char DIRECTORY = '5';

    public boolean directory() {
        return type == DIRECTORY;
    }

    /** The content's length rounded up to whole blocks: what follows the header in the stream. */
    public long paddedSize() {
        return (size + TarReader.BLOCK - 1) / TarReader.BLOCK * TarReader.BLOCK;
    }

    /**
     * What tells two versions of a member apart without reading its content: type, mode, owner, size, time and link.
     * A file whose signature is unchanged since an earlier copy is taken to be unchanged, as rsync does by default.
     */
    public String signature() {
        return type + " " + Integer.toOctalString(mode) + " " + uid + ":" + gid + " " + size + " " + mtime + " "
                + linkName;
    }
}
