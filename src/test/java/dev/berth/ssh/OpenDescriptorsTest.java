package dev.berth.ssh;

import com.sun.management.UnixOperatingSystemMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenDescriptorsTest {
    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units    \s
            Max cpu time              unlimited            unlimited            seconds  \s
            Max open files            1024                 524288               files    \s
            Max locked memory         8388608              8388608              bytes    \s
            """;

    @Test
    void theLimitIsTheSoftOneOfTheMaxOpenFilesLine() {
        assertThat(OpenDescriptors.softLimit(LIMITS)).isEqualTo(1024);
    }

    @Test
    void anUnlimitedSoftLimitIsTheLargestNumber() {
        assertThat(OpenDescriptors.softLimit(LIMITS.replace("1024 ", "unlimited")))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void limitsWithoutTheLineAreRefused() {
        assertThatThrownBy(() -> OpenDescriptors.softLimit("Max cpu time  unlimited  unlimited  seconds\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxTheyAreWhatTheJvmSaysToo() {
        UnixOperatingSystemMXBean system = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long before = system.getOpenFileDescriptorCount();
        long open = OpenDescriptors.open();
        long after = system.getOpenFileDescriptorCount();

        assertThat(OpenDescriptors.limit()).isEqualTo(system.getMaxFileDescriptorCount());
        assertThat(open).isBetween(Math.min(before, after), Math.max(before, after));
    }
}
