package dev.berth.manifest;

import dev.berth.model.ObjectMeta;

/**
 * The namespace of the objects whose manifests name none, as kubectl finds it: {@code -n} if given, else the
 * context's, else {@code default}. Given with {@code -n}, it must also agree with every namespace the manifests
 * do name.
 *
 * @param name  the namespace
 * @param given whether {@code -n} named it
 */
public record ManifestNamespace(String name, boolean given) {
    public static final ManifestNamespace DEFAULT = new ManifestNamespace(ObjectMeta.DEFAULT_NAMESPACE, false);

    /** {@code -n}'s value when given (not null), else the context's namespace, else {@code default}. */
    public static ManifestNamespace of(String option, String contextNamespace) {
        if (option != null) {
            return new ManifestNamespace(option, true);
        }
        return new ManifestNamespace(contextNamespace == null ? ObjectMeta.DEFAULT_NAMESPACE : contextNamespace, false);
    }
}
