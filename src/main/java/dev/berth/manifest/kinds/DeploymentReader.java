package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Names;
import dev.berth.manifest.schema.Rule;
import dev.berth.manifest.schema.Shape;
import dev.berth.model.Deployment;
import dev.berth.model.IntOrString;
import dev.berth.model.LabelSelector;
import dev.berth.model.PodSpec;
import dev.berth.model.Resource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a Deployment (apps/v1) and fills in the defaults Kubernetes would. */
final class DeploymentReader implements KindReader {
    static final Shape ROOT = Shape.of("apiVersion", "kind", "metadata", "spec").ignoring("status");
    static final Shape SPEC = Shape.of("replicas", "selector", "template", "strategy", "minReadySeconds",
            "revisionHistoryLimit", "progressDeadlineSeconds", "paused");
    static final Shape STRATEGY = Shape.of("type", "rollingUpdate");
    static final Shape ROLLING_UPDATE = Shape.of("maxSurge", "maxUnavailable");
    static final Shape TEMPLATE = Shape.of("metadata", "spec");
    static final Shape TEMPLATE_METADATA = Shape.of("labels", "annotations")
            .unsupported("name", "namespace", "generateName");
    static final IntOrString QUARTER = IntOrString.of("25%");

    @Override
    public String apiVersion() {
        return Deployment.API_VERSION;
    }

    @Override
    public Shape shape() {
        return ROOT;
    }

    @Override
    public Resource read(Fields root) {
        return ObjectWithSpec.read(root, fields -> MetadataReader.namespaced(fields, Names.DNS_SUBDOMAIN), SPEC,
                this::spec, (metadata, spec) -> new Deployment(Deployment.API_VERSION, Deployment.KIND, metadata, spec));
    }

    private Deployment.Spec spec(Fields spec) {
        int replicas = orElse(spec.integer("replicas", 0, Integer.MAX_VALUE), 1);
        LabelSelector selector = spec.requiredObject("selector", SelectorReader.SHAPE)
                .map(SelectorReader::read).orElse(null);
        Deployment.Strategy strategy = spec.object("strategy", STRATEGY).map(this::strategy)
                .orElse(new Deployment.Strategy(Deployment.Strategy.ROLLING_UPDATE,
                        new Deployment.RollingUpdate(QUARTER, QUARTER)));
        int minReady = orElse(spec.integer("minReadySeconds", 0, Integer.MAX_VALUE), 0);
        int history = orElse(spec.integer("revisionHistoryLimit", 0, Integer.MAX_VALUE), 10);
        int deadline = orElse(spec.integer("progressDeadlineSeconds", 1, Integer.MAX_VALUE), 600);
        if (spec.has("progressDeadlineSeconds") && deadline <= minReady) {
            spec.error("progressDeadlineSeconds", "must be greater than minReadySeconds (" + minReady + ")");
        }
        boolean paused = Boolean.TRUE.equals(spec.bool("paused"));
        Deployment.PodTemplate template = spec.requiredObject("template", TEMPLATE)
                .map(this::template).orElse(null);
        if (selector != null && template != null) {
            checkSelectorMatches(spec, selector, template.metadata().labels());
        }
        return new Deployment.Spec(replicas, selector, strategy, minReady, history, deadline, paused, template);
    }

    private void checkSelectorMatches(Fields spec, LabelSelector selector, Map<String, String> labels) {
        if (selector.matchLabels().isEmpty() && selector.matchExpressions().isEmpty()) {
            spec.error("selector", "must not be empty: name the labels of the template it selects");
        } else if (!selector.matches(labels)) {
            spec.error("selector", "does not match the template's labels " + labels
                    + " (Kubernetes requires the selector to select the template)");
        }
    }

    private Deployment.Strategy strategy(Fields strategy) {
        String type = strategy.string("type", Rule.oneOf(List.of(Deployment.Strategy.ROLLING_UPDATE,
                Deployment.Strategy.RECREATE)));
        if (Deployment.Strategy.RECREATE.equals(type)) {
            if (strategy.has("rollingUpdate")) {
                strategy.error("rollingUpdate", "may not be set when type is Recreate");
            }
            return new Deployment.Strategy(type, null);
        }
        Optional<Fields> rolling = strategy.object("rollingUpdate", ROLLING_UPDATE);
        IntOrString surge = rolling.map(r -> r.countOrPercent("maxSurge")).orElse(null);
        IntOrString unavailable = rolling.map(r -> r.countOrPercent("maxUnavailable")).orElse(null);
        if (rolling.isPresent() && isZero(surge) && isZero(unavailable)) {
            rolling.get().error("maxUnavailable", "may not be 0 when maxSurge is 0: the rollout could never start");
        }
        return new Deployment.Strategy(Deployment.Strategy.ROLLING_UPDATE, new Deployment.RollingUpdate(
                surge == null ? QUARTER : surge, unavailable == null ? QUARTER : unavailable));
    }

    private static boolean isZero(IntOrString value) {
        return value != null && (value.isNumber() ? value.number() == 0 : value.text().equals("0%"));
    }

    private Deployment.PodTemplate template(Fields template) {
        Optional<Fields> metadata = template.requiredObject("metadata", TEMPLATE_METADATA);
        Map<String, String> labels = metadata.map(m -> MetadataReader.labels(m, "labels")).orElse(Map.of());
        Map<String, String> annotations = metadata
                .map(m -> m.stringMap("annotations", Names.LABEL_KEY, Names.ANY)).orElse(Map.of());
        PodSpec pod = template.requiredObject("spec", PodSpecReader.SHAPE).map(PodSpecReader::read).orElse(null);
        return new Deployment.PodTemplate(new Deployment.TemplateMeta(labels, annotations), pod);
    }

    static int orElse(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
