package dev.berth.docker;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What part of a container's log {@code docker logs} is asked for.
 *
 * @param follow     keep the stream open and hand over new lines as they are written
 * @param since      only lines written at most this long ago, counted by the node's clock
 * @param from       only lines written from this moment on (a container that started again); wins over since
 * @param until      only lines written before this moment (what an earlier instance of a restarted container wrote)
 * @param tail       only the last this many lines; negative for all
 * @param timestamps each line starts with docker's RFC 3339 time of writing
 */
public record LogRequest(boolean follow, Optional<Duration> since, Optional<Instant> from, Optional<Instant> until,
                         int tail, boolean timestamps) {

    /** The whole log, once. */
    public static LogRequest whole() {
        return new LogRequest(false, Optional.empty(), Optional.empty(), Optional.empty(), -1, false);
    }

    /** This request, for lines written before {@code moment} only. */
    public LogRequest until(Instant moment) {
        return new LogRequest(follow, since, from, Optional.of(moment), tail, timestamps);
    }

    /** This request, for every line written from {@code moment} on, whatever since and tail said. */
    public LogRequest startingAt(Instant moment) {
        return new LogRequest(follow, Optional.empty(), Optional.of(moment), until, -1, timestamps);
    }
}
