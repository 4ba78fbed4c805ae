package dev.berth.docker;

import dev.berth.model.BerthLabels;

import java.util.List;

/**
 * The commands that carry out a plan's steps other than {@code docker run}, as argument lists. Scripts are
 * fixed text; every value (names, ids, paths) reaches them as a positional parameter, never as script text.
 */
public final class NodeCommands {
    /** berth's directory under the SSH user's home, and the part of a path that marks it. */
    public static final String BERTH_DIRECTORY = "/.berth";

    private NodeCommands() {
    }

    public static List<String> ensureNetwork(String name) {
        return List.of("sh", "-c", "docker network inspect \"$1\" >/dev/null 2>&1 || "
                + "docker network create --label " + BerthLabels.MANAGED + "=true \"$1\" >/dev/null", "sh", name);
    }

    public static List<String> pull(String image) {
        return List.of("docker", "pull", "--quiet", image);
    }

    /** Pulls an image only when the engine does not have it yet ({@code imagePullPolicy: IfNotPresent}). */
    public static List<String> pullIfMissing(String image) {
        return List.of("sh", "-c", "docker image inspect \"$1\" >/dev/null 2>&1 || docker pull --quiet \"$1\"",
                "sh", image);
    }

    /** Stops a container within the grace period it was started with, then removes it; gone already is fine. */
    public static List<String> removeContainer(String containerId) {
        requireId(containerId);
        return List.of("sh", "-c", "docker stop \"$1\" >/dev/null 2>&1; docker rm --force \"$1\" >/dev/null 2>&1; "
                + "! docker container inspect \"$1\" >/dev/null 2>&1", "sh", containerId);
    }

    /** Restarts a container in place: stopped within the grace period it was started with, then started again. */
    public static List<String> restartContainer(String containerId) {
        requireId(containerId);
        return List.of("docker", "restart", containerId);
    }

    /**
     * Creates the directory a file goes into: berth's own directory private to the SSH user (0700), those below
     * it readable (0755) so a container can read what is mounted into it.
     */
    public static List<String> prepareDirectory(String directory) {
        String berthRoot = berthRoot(directory);
        return List.of("sh", "-c", "mkdir -p \"$1\" && chmod 0700 \"$1\" && umask 022 && mkdir -p \"$2\"",
                "sh", berthRoot, directory);
    }

    /** Deletes a replica's files and its scratch volumes. Refuses any directory outside berth's own. */
    public static List<String> cleanUpPod(String directory, String pod) {
        berthRoot(directory);
        if (!directory.contains(BERTH_DIRECTORY + "/pods/")) {
            throw new IllegalArgumentException("refusing to delete " + directory + ": not a replica's directory");
        }
        return List.of("sh", "-c", "rm -rf -- \"$1\"; for v in $(docker volume ls --quiet --filter \"label="
                + BerthLabels.POD + "=$2\"); do docker volume rm \"$v\" >/dev/null; done", "sh", directory, pod);
    }

    /**
     * Removes the Docker volume of a PersistentVolumeClaim whose reclaim policy is Delete. Docker refuses while a
     * container uses it, so data a replica still uses is never removed.
     */
    public static List<String> removeVolume(String volume) {
        if (!volume.matches(NodeProbe.VOLUME_PREFIX + "[a-z0-9-]+_[a-z0-9.-]+")) {
            throw new IllegalArgumentException("not a claim's volume: " + volume);
        }
        return List.of("docker", "volume", "rm", volume);
    }

    /** Deletes one file of a replica (an env file once its container was created); gone already is fine. */
    public static List<String> removePodFile(String path) {
        berthRoot(path);
        if (!path.contains(BERTH_DIRECTORY + "/pods/")) {
            throw new IllegalArgumentException("refusing to delete " + path + ": not a replica's file");
        }
        return List.of("sh", "-c", "rm -f -- \"$1\"", "sh", path);
    }

    private static String berthRoot(String directory) {
        int at = directory.indexOf(BERTH_DIRECTORY + "/");
        if (!directory.startsWith("/") || at < 0 || directory.contains("/../") || directory.endsWith("/..")) {
            throw new IllegalArgumentException("not a directory under berth's own: " + directory);
        }
        return directory.substring(0, at + BERTH_DIRECTORY.length());
    }

    private static void requireId(String id) {
        if (!id.matches("[0-9a-f]{12,64}")) {
            throw new IllegalArgumentException("not a container id: " + id);
        }
    }
}
