package dev.berth.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** A Kubernetes label selector: equality on labels plus set-based expressions. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

    public LabelSelector {
        matchLabels = Maps.copy(matchLabels);
        matchExpressions = Maps.copy(matchExpressions);
    }

    /** One expression: {@code key In (a, b)}, {@code key NotIn (...)}, {@code key Exists}, {@code key DoesNotExist}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Requirement(String key, String operator, List<String> values) {
        public Requirement {
            values = Maps.copy(values);
        }

        boolean matches(Map<String, String> labels) {
            return switch (operator) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
        }
    }

    /** Whether a set of labels satisfies every part of this selector. */
    public boolean matches(Map<String, String> labels) {
        return matchLabels.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))
                && matchExpressions.stream().allMatch(r -> r.matches(labels));
    }
}
