package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Shape;
import dev.berth.model.ObjectMeta;
import dev.berth.model.Resource;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The common form of a kind: {@code metadata} and a required {@code spec}. The object is built only when
 * reading both recorded no error, so a reader never sees half an object.
 */
final class ObjectWithSpec {

    private ObjectWithSpec() {
    }

    static <S> Resource read(Fields root, Function<Fields, ObjectMeta> metadata, Shape specShape,
                             Function<Fields, S> spec, BiFunction<ObjectMeta, S, Resource> object) {
        int before = root.problems().errorCount();
        ObjectMeta meta = metadata.apply(root);
        S read = root.requiredObject("spec", specShape).map(spec).orElse(null);
        return root.problems().errorCount() > before ? null : object.apply(meta, read);
    }
}
