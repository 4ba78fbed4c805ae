package dev.berth.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * The clock of the loopback state nodes, set by the test. The lock scripts read the node's time with
 * {@code date +%s}; the nodes' sessions find this {@code date} first on their {@code PATH}. Once {@link #set(long)},
 * it tells that time until the test moves it, so a lease runs out when the test says and not when a busy machine
 * gets round to it. Before that, and for every other use of {@code date}, it is the real one.
 */
final class NodeClock {
    private final Path bin;
    private final Path now;

    private NodeClock(Path bin, Path now) {
        this.bin = bin;
        this.now = now;
    }

    /** Writes the {@code date} of the nodes into {@code directory}/bin. */
    static NodeClock install(Path directory) throws IOException {
        Path bin = Files.createDirectories(directory.resolve("bin"));
        Path now = directory.resolve("now");
        String real = Files.isExecutable(Path.of("/bin/date")) ? "/bin/date" : "/usr/bin/date";
        Path date = bin.resolve("date");
        Files.write(date, List.of("#!/bin/sh",
                "if [ \"$#\" = 1 ] && [ \"$1\" = +%s ] && [ -s '" + now + "' ]; then exec cat '" + now + "'; fi",
                "exec " + real + " \"$@\""));
        Files.setPosixFilePermissions(date, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new NodeClock(bin, now);
    }

    /** The directory to put first on the nodes' {@code PATH}. */
    Path bin() {
        return bin;
    }

    /** From now on the nodes' clock stands at {@code epochSecond}. */
    void set(long epochSecond) throws IOException {
        Path next = now.resolveSibling("now.tmp");
        Files.writeString(next, epochSecond + "\n");
        Files.move(next, now, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void advance(Duration duration) throws IOException {
        set(seconds() + duration.toSeconds());
    }

    /** The time the nodes' clock stands at. */
    long seconds() throws IOException {
        return Long.parseLong(Files.readString(now).strip());
    }
}
