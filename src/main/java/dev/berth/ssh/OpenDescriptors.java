package dev.berth.ssh;

import com.sun.management.UnixOperatingSystemMXBean;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's file descriptors: how many it may open and how many are open. Read from {@code /proc} where the
 * kernel offers it (Linux), else from the JVM's management beans, whose start-up costs a short run some 40 ms
 * before its first connection.
 */
final class OpenDescriptors {
    private static final Path LIMITS = Path.of("/proc/self/limits");
    private static final File OPEN = new File("/proc/self/fd");
    private static final String MAX_OPEN_FILES = "Max open files";

    private OpenDescriptors() {
    }

    /** The most the process may open (its soft limit), or -1 when the platform does not say. */
    static long limit() {
        try {
            return softLimit(Files.readString(LIMITS));
        } catch (IOException | RuntimeException e) {
            OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
            return system instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
        }
    }

    /** How many are open now, or -1 when the platform does not say. */
    static long open() {
        String[] descriptors = OPEN.list(); // opendir: one descriptor of its own while it reads
        if (descriptors != null) {
            return descriptors.length - 1;
        }
        OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
        return system instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }

    /**
     * The soft limit in the {@code Max open files} line of {@code /proc/PID/limits}; {@link Long#MAX_VALUE} for
     * {@code unlimited}.
     *
     * @throws IllegalArgumentException when the text has no such line
     */
    static long softLimit(String limits) {
        for (String line : limits.split("\n")) {
            if (line.startsWith(MAX_OPEN_FILES)) {
                String soft = line.substring(MAX_OPEN_FILES.length()).strip().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        throw new IllegalArgumentException("no \"" + MAX_OPEN_FILES + "\" line");
    }
}
