package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Names;
import dev.berth.manifest.schema.Rule;
import dev.berth.manifest.schema.Shape;
import dev.berth.model.LabelSelector;

import java.util.ArrayList;
import java.util.List;

/** Reads a label selector: {@code matchLabels} and {@code matchExpressions}. */
final class SelectorReader {
    static final Shape SHAPE = Shape.of("matchLabels", "matchExpressions");
    static final Shape EXPRESSION = Shape.of("key", "operator", "values");
    private static final List<String> OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist");

    private SelectorReader() {
    }

    static LabelSelector read(Fields selector) {
        List<LabelSelector.Requirement> requirements = new ArrayList<>();
        for (Fields expression : selector.objects("matchExpressions", EXPRESSION)) {
            String key = expression.requiredString("key", Names.LABEL_KEY);
            String operator = expression.requiredString("operator", Rule.oneOf(OPERATORS));
            List<String> values = expression.strings("values", Names.LABEL_VALUE);
            boolean needsValues = "In".equals(operator) || "NotIn".equals(operator);
            if (needsValues && values.isEmpty()) {
                expression.error("values", "must not be empty when operator is " + operator);
            } else if (operator != null && !needsValues && !values.isEmpty()) {
                expression.error("values", "must be empty when operator is " + operator);
            }
            if (key != null && operator != null) {
                requirements.add(new LabelSelector.Requirement(key, operator, values));
            }
        }
        return new LabelSelector(MetadataReader.labels(selector, "matchLabels"), requirements);
    }
}
