package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Names;
import dev.berth.manifest.schema.Shape;
import dev.berth.model.Namespace;
import dev.berth.model.ObjectMeta;
import dev.berth.model.Resource;

/** Reads a Namespace (v1): a name, labels and annotations; its spec and status are a server's and ignored. */
final class NamespaceReader implements KindReader {
    static final Shape ROOT = Shape.of("apiVersion", "kind", "metadata").ignoring("spec", "status");

    @Override
    public String apiVersion() {
        return Namespace.API_VERSION;
    }

    @Override
    public Shape shape() {
        return ROOT;
    }

    @Override
    public Resource read(Fields root) {
        int before = root.problems().errorCount();
        ObjectMeta metadata = MetadataReader.clusterScoped(root, Names.DNS_LABEL);
        return root.problems().errorCount() > before ? null
                : new Namespace(Namespace.API_VERSION, Namespace.KIND, metadata);
    }
}
