package dev.berth.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * How much a Docker volume holds on its node's disk, measured without root on the host: {@code du} in a throwaway
 * container that mounts the volume read-only, with no network, from an image the node already has (never
 * pulled). The images are tried in turn, since a minimal image may have no {@code du}: the replicas' own first,
 * then berth's proxy image. Docker keeps no size of its own for a volume except in {@code docker system df -v},
 * which walks every volume and image of the node; one {@code du} walks only the volume asked about.
 */
public final class VolumeSize {
    private static final String SCRIPT = "v=$1; shift; for image in \"$@\"; do "
            + "out=$(docker run --rm --pull never --network none --user 0 --entrypoint du "
            + "--mount \"type=volume,src=$v,dst=/v,readonly\" \"$image\" -sk /v 2>/dev/null) "
            + "&& { printf '%s\\n' \"$out\"; exit 0; }; done; exit 3";

    private VolumeSize() {
    }

    /** The argv that prints {@code du -sk} of {@code volume}, trying {@code images} in order. */
    public static List<String> command(String volume, List<String> images) {
        if (!volume.startsWith(NodeProbe.VOLUME_PREFIX) || !volume.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("not one of berth's volumes: " + volume);
        }
        List<String> argv = new ArrayList<>(List.of("sh", "-c", SCRIPT, "sh", volume));
        argv.addAll(images);
        return argv;
    }

    /** The bytes {@code du -sk} printed ({@code 1204\t/v}), or empty when it printed no size. */
    public static OptionalLong parse(String output) {
        String last = output.strip().lines().reduce((first, second) -> second).orElse("");
        String[] fields = last.split("\\s+");
        return fields.length > 0 && fields[0].matches("[0-9]{1,15}") ? OptionalLong.of(Long.parseLong(fields[0]) * 1024)
                : OptionalLong.empty();
    }
}
