package dev.berth.ssh;

import com.sun.management.UnixOperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** The process's file descriptors, as the JVM reports them: how many it may open and how many are open. */
final class OpenDescriptors {
    private OpenDescriptors() {
    }

    /** The most the process may open, or -1 when the platform does not say. */
    static long limit() {
        OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
        return system instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
    }

    /** How many are open now, or -1 when the platform does not say. */
    static long open() {
        OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
        return system instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }
}
