package dev.berth.plan;

import dev.berth.model.Container;

import java.util.Locale;

/**
 * Where berth keeps a replica's things on its node, and how it names them. A replica's files live in
 * {@code <home>/.berth/pods/<namespace>/<pod>}: {@code env/<container>.env} (Secret-sourced variables,
 * 0600, only until its container exists); ConfigMap and Secret volumes are copied into the container, never
 * written here. Names use {@code _} as the
 * separator because no Kubernetes name can contain it, so two different objects never share a name.
 */
public record Layout(String home, String namespace, String pod) {

    /** {@code <home>/.berth/pods/<namespace>/<pod>}. */
    String podDirectory() {
        return home.replaceAll("/+$", "") + "/.berth/pods/" + namespace + "/" + pod;
    }

    String envFile(String container) {
        return podDirectory() + "/env/" + container + ".env";
    }

    /** The scratch volume of an {@code emptyDir}; labelled with its pod, removed with it. */
    String scratchVolume(String volume) {
        return "berth_" + namespace + "_" + pod + "_" + volume;
    }

    /** The Docker container of one container of a replica, readable in {@code docker ps}. */
    static String containerName(String namespace, String pod, String container) {
        return namespace + "_" + pod + "_" + container;
    }

    /** The named Docker volume that holds a PersistentVolumeClaim's data on its node. */
    public static String claimVolume(String namespace, String claim) {
        return "berth_" + namespace + "_" + claim;
    }

    /** {@link #claimVolume(String, String)} of a claim named by its key, {@code namespace/claim}. */
    public static String claimVolume(String claimKey) {
        int slash = claimKey.indexOf('/');
        return claimVolume(claimKey.substring(0, slash), claimKey.substring(slash + 1));
    }

    static String protocol(Container.Port port) {
        return port.protocol() == null ? "tcp" : port.protocol().toLowerCase(Locale.ROOT);
    }
}
