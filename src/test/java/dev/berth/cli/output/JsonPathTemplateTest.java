package dev.berth.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.error.InvalidInputException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPathTemplateTest {
    private static final JsonNode PODS = tree("""
            {"apiVersion": "v1", "kind": "List", "items": [
              {"metadata": {"name": "web-1", "labels": {"app": "web", "app.kubernetes.io/name": "shop"}},
               "spec": {"nodeName": "node-1", "containers": [{"image": "web:v1"}, {"image": "log:v2"}]},
               "status": {"restarts": 3, "conditions": [{"type": "Ready", "status": "True"},
                                                        {"type": "Initialized", "status": "True"}]}},
              {"metadata": {"name": "web-2", "labels": {"app": "web"}},
               "spec": {"nodeName": "node-2", "containers": [{"image": "web:v1"}]},
               "status": {"restarts": 0, "conditions": [{"type": "Ready", "status": "False"}]}}
            ]}
            """);

    private static JsonNode tree(String json) {
        try {
            return Serialization.json().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String render(String template, JsonNode document) {
        return JsonPathTemplate.parse(template).render(document);
    }

    @Nested
    class Paths {
        @Test
        void selectEveryItemsNameJoinedBySpaces() {
            assertThat(render("{.items[*].metadata.name}", PODS)).isEqualTo("web-1 web-2");
        }

        @Test
        void selectOneFieldOfOneObject() {
            assertThat(render("{.metadata.name}", PODS.get("items").get(0))).isEqualTo("web-1");
            assertThat(render("{$.metadata.name}", PODS.get("items").get(0))).isEqualTo("web-1");
        }

        @Test
        void indexFromEitherEndAndSlice() {
            assertThat(render("{.items[0].metadata.name}", PODS)).isEqualTo("web-1");
            assertThat(render("{.items[-1].metadata.name}", PODS)).isEqualTo("web-2");
            assertThat(render("{.items[0:1].metadata.name}", PODS)).isEqualTo("web-1");
            assertThat(render("{.items[1:].metadata.name}", PODS)).isEqualTo("web-2");
        }

        @Test
        void quotedKeysHoldDotsAndSlashes() {
            assertThat(render("{.items[0].metadata.labels['app.kubernetes.io/name']}", PODS)).isEqualTo("shop");
        }

        @Test
        void recursiveDescentFindsTheKeyAtAnyDepth() {
            assertThat(render("{..image}", PODS)).isEqualTo("web:v1 log:v2 web:v1");
        }

        @Test
        void printsNumbersAndObjectsAsJson() {
            assertThat(render("{.items[*].status.restarts}", PODS)).isEqualTo("3 0");
            assertThat(render("{.items[1].metadata.labels}", PODS)).isEqualTo("{\"app\":\"web\"}");
        }

        @Test
        void aMissingKeySelectsNothing() {
            assertThat(render("{.items[*].spec.hostname}", PODS)).isEmpty();
            assertThat(render("{.nothing.here[3]}", PODS)).isEmpty();
        }

        @Test
        void filtersKeepElementsWhoseFieldCompares() {
            assertThat(render("{.items[*].status.conditions[?(@.type==\"Ready\")].status}", PODS))
                    .isEqualTo("True False");
            assertThat(render("{.items[?(@.status.restarts > 1)].metadata.name}", PODS)).isEqualTo("web-1");
            assertThat(render("{.items[?(@.spec.nodeName != 'node-1')].metadata.name}", PODS)).isEqualTo("web-2");
            assertThat(render("{.items[?(@.metadata.labels.app)].metadata.name}", PODS)).isEqualTo("web-1 web-2");
        }
    }

    @Nested
    class Templates {
        @Test
        void rangeRepeatsItsBodyForEachElementWithQuotedTabsAndNewlines() {
            assertThat(render("{range .items[*]}{.metadata.name}{\"\\t\"}{.spec.nodeName}{\"\\n\"}{end}", PODS))
                    .isEqualTo("web-1\tnode-1\nweb-2\tnode-2\n");
        }

        @Test
        void rangesNestAndTextOutsideBracesStaysAsItIs() {
            assertThat(render("{range .items[*]}{.metadata.name}:{range .spec.containers[*]} {.image}{end};{end}",
                    PODS)).isEqualTo("web-1: web:v1 log:v2;web-2: web:v1;");
        }

        @Test
        void unbalancedTemplatesAreUsageErrors() {
            assertThatThrownBy(() -> JsonPathTemplate.parse("{range .items[*]}{.a}"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("{range} without {end}");
            assertThatThrownBy(() -> JsonPathTemplate.parse("{.a}{end}"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("{end} without {range}");
            assertThatThrownBy(() -> JsonPathTemplate.parse("{.metadata.name"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("not closed");
            assertThatThrownBy(() -> JsonPathTemplate.parse("{.items[}"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("cannot read the jsonpath \".items[\" at column 8: expected an index, *, a quoted key "
                            + "or a filter after [");
        }
    }

    @Nested
    class Columns {
        @Test
        void oneCellPerColumnWithCommasBetweenValuesAndNoneForNothing() {
            CustomColumns columns = CustomColumns.parse("NAME:.metadata.name,IMAGES:{.spec.containers[*].image},"
                    + "HOST:.spec.hostname");
            assertThat(columns.headers()).containsExactly("NAME", "IMAGES", "HOST");
            assertThat(columns.cells(PODS.get("items").get(0))).containsExactly("web-1", "web:v1,log:v2", "<none>");
        }

        @Test
        void aColumnWithoutAPathIsAUsageError() {
            assertThatThrownBy(() -> CustomColumns.parse("NAME")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("HEADER:PATH");
        }
    }
}
