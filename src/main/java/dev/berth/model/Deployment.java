package dev.berth.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;
import java.util.stream.Collectors;

/** A Deployment (apps/v1), normalized: every default Kubernetes would fill in is filled in. */
public record Deployment(String apiVersion, String kind, ObjectMeta metadata, Spec spec) implements Resource {
    public static final String API_VERSION = "apps/v1";
    public static final String KIND = "Deployment";

    /** The desired replicas, their selector, rollout strategy and pod template. */
    public record Spec(int replicas, LabelSelector selector, Strategy strategy, int minReadySeconds,
                       int revisionHistoryLimit, int progressDeadlineSeconds, boolean paused, PodTemplate template) {
    }

    /** {@code RollingUpdate} (with its limits) or {@code Recreate}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Strategy(String type, RollingUpdate rollingUpdate) {
        public static final String ROLLING_UPDATE = "RollingUpdate";
        public static final String RECREATE = "Recreate";
    }

    /** How far a rollout may go above and below the desired replicas. */
    public record RollingUpdate(IntOrString maxSurge, IntOrString maxUnavailable) {
    }

    /** The template every replica is made from. */
    public record PodTemplate(TemplateMeta metadata, PodSpec spec) {
    }

    /** A pod template carries only labels and annotations. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record TemplateMeta(Map<String, String> labels, Map<String, String> annotations) {
        public TemplateMeta {
            labels = Maps.copy(labels);
            annotations = Maps.copy(annotations);
        }
    }

    @Override
    public String summary() {
        String images = spec.template().spec().containers().stream().map(Container::image)
                .collect(Collectors.joining(", "));
        return spec.replicas() + (spec.replicas() == 1 ? " replica" : " replicas")
                + ", image" + (spec.template().spec().containers().size() == 1 ? " " : "s ") + images;
    }

    @Override
    public Deployment inNamespace(String namespace) {
        return new Deployment(apiVersion, kind, metadata.inNamespace(namespace), spec);
    }
}
