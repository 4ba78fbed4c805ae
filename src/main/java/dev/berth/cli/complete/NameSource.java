package dev.berth.cli.complete;

import java.util.List;

/** The live names a completion may offer. Each answer may come from the cluster, so each may be slow or empty. */
public interface NameSource {
    /** The contexts of the user's config. */
    List<String> contexts();

    /** The namespaces objects are stored in on the cluster. */
    List<String> namespaces();

    /** The nodes of the inventory. */
    List<String> nodes();

    /** The names of the objects of {@code type} (as the user typed it: deploy, pods, svc ...) in {@code namespace}. */
    List<String> of(String type, String namespace);
}
