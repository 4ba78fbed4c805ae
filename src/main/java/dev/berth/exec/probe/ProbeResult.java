package dev.berth.exec.probe;

/**
 * What one probe of one container found: passed or not, and one line of what it saw, in the words Kubernetes
 * uses where it has them, e.g. {@code HTTP probe failed with statuscode: 500},
 * {@code dial tcp 172.18.0.5:8080: connect: connection refused} or {@code probe timed out after 1s}.
 */
public record ProbeResult(boolean passed, String detail) {

    static ProbeResult pass(String detail) {
        return new ProbeResult(true, detail);
    }

    static ProbeResult fail(String detail) {
        return new ProbeResult(false, detail);
    }

    static ProbeResult timedOut(int seconds) {
        return fail("probe timed out after " + seconds + "s");
    }
}
