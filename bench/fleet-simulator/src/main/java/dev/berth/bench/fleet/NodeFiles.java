package dev.berth.bench.fleet;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The few files of one node that berth's scripts read and write (the cluster-held record and the lease lock),
 * kept in memory by path. Scripts of one node that change a file hold the node's monitor, as the real scripts
 * hold their mutex directory.
 */
final class NodeFiles {
    private final Map<String, String> files = new ConcurrentHashMap<>();

    Optional<String> read(String path) {
        return Optional.ofNullable(files.get(path));
    }

    void write(String path, String content) {
        files.put(path, content);
    }

    void remove(String path) {
        files.remove(path);
    }
}
