package dev.berth.docker;

import java.util.List;

/**
 * The commands that copy a claim's Docker volume from one node to another through berth: on each node a container
 * is created (never started) that mounts the volume, and {@code docker cp} streams the volume's tree out of it
 * or into it as a tar. Any image the node has will do, since nothing of it runs: no tool is needed in the image,
 * no root on the host, and the nodes need no trust in each other.
 */
public final class VolumeCopyCommands {
    /** Where the copying container mounts the volume; no image is expected to have this path. */
    public static final String MOUNT = "/berth-volume";
    /** The label of the copying containers, so that a killed move's are found again. */
    public static final String LABEL = "berth.dev/volume-copy";

    private static final String CREATE = "docker rm --force \"$1\" >/dev/null 2>&1; "
            + "docker create --name \"$1\" --label " + LABEL + "=\"$2\" --pull never --network none "
            + "--entrypoint " + MOUNT + "/none --mount \"type=volume,src=$2,dst=" + MOUNT + "$3\" \"$4\" >/dev/null";

    private VolumeCopyCommands() {
    }

    /** The copying container of {@code volume} on the sending side ({@code out}) or the receiving one. */
    public static String container(String volume, boolean out) {
        requireVolume(volume);
        return volume + (out ? "-copy-out" : "-copy-in");
    }

    /**
     * Creates the copying container of {@code volume} from {@code image}, in place of one a killed move left; the
     * sending side mounts the volume read-only, the receiving side creates it when missing, empty.
     */
    public static List<String> create(String volume, String image, boolean out) {
        return List.of("sh", "-c", CREATE, "sh", container(volume, out), volume, out ? ",readonly" : ",volume-nocopy",
                image);
    }

    /** Streams the volume's tree to standard output as a tar, names relative to its root ({@code ./...}). */
    public static List<String> read(String volume) {
        return List.of("docker", "cp", container(volume, true) + ":" + MOUNT + "/.", "-");
    }

    /** Extracts the tar on standard input into the volume, keeping owners and modes. */
    public static List<String> write(String volume) {
        return List.of("docker", "cp", "--archive", "-", container(volume, false) + ":" + MOUNT);
    }

    /** Reads the received tree back, to digest what arrived. */
    public static List<String> readBack(String volume) {
        return List.of("docker", "cp", container(volume, false) + ":" + MOUNT + "/.", "-");
    }

    /** Removes the receiving side's container and its volume, for a copy into an empty volume. */
    public static List<String> empty(String volume) {
        return List.of("sh", "-c", "docker rm --force \"$1\" >/dev/null 2>&1; "
                + "! docker volume inspect \"$2\" >/dev/null 2>&1 || docker volume rm \"$2\" >/dev/null",
                "sh", container(volume, false), volume);
    }

    /** Removes both copying containers of {@code volume} that are on the node; none there is fine. */
    public static List<String> remove(String volume) {
        return List.of("sh", "-c", "docker rm --force \"$1\" \"$2\" >/dev/null 2>&1; true", "sh",
                container(volume, true), container(volume, false));
    }

    private static void requireVolume(String volume) {
        if (!volume.matches(NodeProbe.VOLUME_PREFIX + "[a-z0-9-]+_[a-z0-9.-]+")) {
            throw new IllegalArgumentException("not a claim's volume: " + volume);
        }
    }
}
