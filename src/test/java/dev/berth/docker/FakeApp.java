package dev.berth.docker;

import java.time.Duration;

/**
 * What the program in a fake container answers on its ports: an HTTP status for each request, or a refused
 * connection. The default app of every image answers 200 to everything ({@link #serving(int)}).
 */
@FunctionalInterface
public interface FakeApp {
    /** The answer of a port nothing listens on: the connection is refused. */
    int REFUSED = -1;

    /** The status {@code GET visit.path()} gets; for a bare TCP connection the path is null. Or {@link #REFUSED}. */
    int answer(Visit visit);

    /**
     * One request to a container.
     *
     * @param container the container's name
     * @param uptime    how long the container has run since it last started
     * @param restarts  how often it was restarted with {@code docker restart}
     */
    record Visit(String container, int port, String path, Duration uptime, int restarts) {
    }

    /** Answers {@code status} to every request. */
    static FakeApp serving(int status) {
        return visit -> status;
    }

    /** Listens on no port. */
    static FakeApp refusing() {
        return visit -> REFUSED;
    }

    /** Refuses connections for the first {@code delay} after each start, then answers 200. */
    static FakeApp listeningAfter(Duration delay) {
        return visit -> visit.uptime().compareTo(delay) < 0 ? REFUSED : 200;
    }
}
