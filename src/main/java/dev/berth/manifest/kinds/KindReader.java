package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Shape;
import dev.berth.model.Resource;

/** Reads one kind from its top-level fields. Returns null when something was wrong (and recorded). */
interface KindReader {

    String apiVersion();

    /** The top-level fields of the kind. */
    Shape shape();

    Resource read(Fields root);
}
