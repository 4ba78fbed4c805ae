package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Names;
import dev.berth.manifest.schema.Shape;
import dev.berth.model.Container;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code env} and {@code envFrom} of a container. */
final class EnvReader {
    static final Shape VAR = Shape.of("name", "value", "valueFrom");
    static final Shape SOURCE = Shape.of("configMapKeyRef", "secretKeyRef").unsupported("fieldRef", "resourceFieldRef");
    static final Shape KEY_REF = Shape.of("name", "key", "optional");
    static final Shape FROM = Shape.of("prefix", "configMapRef", "secretRef");
    static final Shape NAME_REF = Shape.of("name", "optional");

    private EnvReader() {
    }

    static List<Container.EnvVar> env(Fields container) {
        List<Container.EnvVar> env = new ArrayList<>();
        for (Fields variable : container.objects("env", VAR)) {
            String name = variable.requiredString("name", Names.ENV_VAR);
            String value = variable.string("value");
            Container.EnvSource source = variable.object("valueFrom", SOURCE).map(EnvReader::source).orElse(null);
            if (value != null && source != null) {
                variable.error("valueFrom", "may not be set together with value");
            }
            env.add(new Container.EnvVar(name, value, source));
        }
        return env;
    }

    private static Container.EnvSource source(Fields from) {
        Container.KeyRef configMap = from.object("configMapKeyRef", KEY_REF).map(EnvReader::keyRef).orElse(null);
        Container.KeyRef secret = from.object("secretKeyRef", KEY_REF).map(EnvReader::keyRef).orElse(null);
        boolean hasConfigMap = from.has("configMapKeyRef");
        boolean hasSecret = from.has("secretKeyRef");
        if (hasConfigMap && hasSecret || !hasConfigMap && !hasSecret && !from.hasOtherThan(List.of())) {
            from.problems().error(from.position(), from.path(), "must set exactly one of configMapKeyRef, secretKeyRef");
        }
        return new Container.EnvSource(configMap, secret);
    }

    private static Container.KeyRef keyRef(Fields ref) {
        return new Container.KeyRef(ref.requiredString("name", Names.DNS_SUBDOMAIN),
                ref.requiredString("key", Names.CONFIG_KEY_RULE), ref.bool("optional"));
    }

    static List<Container.EnvFrom> envFrom(Fields container) {
        List<Container.EnvFrom> result = new ArrayList<>();
        for (Fields from : container.objects("envFrom", FROM)) {
            String prefix = from.string("prefix", Names.ENV_VAR);
            Optional<Container.NameRef> configMap = from.object("configMapRef", NAME_REF).map(EnvReader::nameRef);
            Optional<Container.NameRef> secret = from.object("secretRef", NAME_REF).map(EnvReader::nameRef);
            if (from.has("configMapRef") == from.has("secretRef") && !from.hasOtherThan(FROM.supported())) {
                from.problems().error(from.position(), from.path(), "must set exactly one of configMapRef, secretRef");
            }
            result.add(new Container.EnvFrom(prefix, configMap.orElse(null), secret.orElse(null)));
        }
        return result;
    }

    private static Container.NameRef nameRef(Fields ref) {
        return new Container.NameRef(ref.requiredString("name", Names.DNS_SUBDOMAIN), ref.bool("optional"));
    }
}
