package dev.berth.model;

import java.time.Instant;
import java.util.List;

/**
 * One node as observed in one round trip: what its engine says of the machine, berth's containers, the SSH
 * user's home directory (where berth keeps its files on the node), berth's Docker volumes, the node's own
 * address on the SSH connection, and the proxy configurations berth loaded there.
 *
 * @param serverAddress the address the node's sshd was reached at (the third field of {@code $SSH_CONNECTION}),
 *                      or null when the node did not say
 * @param proxies       the configuration each of berth's nginx containers on the node serves, as berth recorded it
 *                      after verifying the load
 * @param podDirectories the replicas' directories of files under {@code ~/.berth/pods}, as {@code namespace/pod}
 */
public record NodeSnapshot(EngineFacts engine, List<ObservedContainer> containers, String homeDirectory,
                           List<String> volumes, String serverAddress, List<LoadedConfig> proxies,
                           List<String> podDirectories) {
    public NodeSnapshot {
        containers = List.copyOf(containers);
        volumes = List.copyOf(volumes);
        proxies = List.copyOf(proxies);
        podDirectories = List.copyOf(podDirectories);
    }

    public NodeSnapshot(EngineFacts engine, List<ObservedContainer> containers, String homeDirectory,
                        List<String> volumes, String serverAddress, List<LoadedConfig> proxies) {
        this(engine, containers, homeDirectory, volumes, serverAddress, proxies, List.of());
    }

    public NodeSnapshot(EngineFacts engine, List<ObservedContainer> containers, String homeDirectory,
                        List<String> volumes) {
        this(engine, containers, homeDirectory, volumes, null, List.of());
    }

    /** This snapshot with other containers (probe results applied, say). */
    public NodeSnapshot withContainers(List<ObservedContainer> others) {
        return new NodeSnapshot(engine, others, homeDirectory, volumes, serverAddress, proxies, podDirectories);
    }

    /**
     * The configuration an nginx container of berth's serves.
     *
     * @param proxy    the container's name
     * @param hash     the hash the configuration answers on its hash listener
     * @param loadedAt when berth saw it served
     */
    public record LoadedConfig(String proxy, String hash, Instant loadedAt) {
    }
}
