package dev.berth.manifest;

/** Where something is in a file the user wrote: 1-based line and column, as editors count them. */
public record Position(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
