package dev.berth.state;

import java.time.Duration;

/**
 * A lease as a state node keeps it. Times are seconds of that node's clock, so they are compared only with
 * the same node's {@code now}.
 */
public record LeaseInfo(String token, Holder holder, long acquired, long expires) {

    public boolean expired(long nodeNow) {
        return nodeNow >= expires;
    }

    /** How long the lease still runs on its node; zero or negative once it expired. */
    public Duration expiresIn(long nodeNow) {
        return Duration.ofSeconds(expires - nodeNow);
    }
}
