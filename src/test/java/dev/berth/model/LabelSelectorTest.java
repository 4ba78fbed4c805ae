package dev.berth.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LabelSelectorTest {
    private final Map<String, String> web = Map.of("app", "web", "tier", "front");

    @Test
    void matchLabelsNeedsEveryPair() {
        assertThat(new LabelSelector(Map.of("app", "web"), List.of()).matches(web)).isTrue();
        assertThat(new LabelSelector(Map.of("app", "web", "tier", "back"), List.of()).matches(web)).isFalse();
    }

    @Test
    void expressionsFollowTheirOperator() {
        assertThat(selector("tier", "In", "front", "middle").matches(web)).isTrue();
        assertThat(selector("tier", "NotIn", "front").matches(web)).isFalse();
        assertThat(selector("app", "Exists").matches(web)).isTrue();
        assertThat(selector("canary", "DoesNotExist").matches(web)).isTrue();
        assertThat(selector("canary", "In", "yes").matches(web)).isFalse();
    }

    private static LabelSelector selector(String key, String operator, String... values) {
        return new LabelSelector(Map.of(), List.of(new LabelSelector.Requirement(key, operator, List.of(values))));
    }
}
