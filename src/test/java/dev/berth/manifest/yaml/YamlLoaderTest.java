package dev.berth.manifest.yaml;

import dev.berth.manifest.Position;
import dev.berth.manifest.Problem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class YamlLoaderTest {
    private final YamlLoader loader = new YamlLoader(1 << 20);

    private YamlLoader.Loaded load(String text) {
        return loader.load("f.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class Positions {
        @Test
        void everyKeyAndValueKnowsItsLineAndColumn() {
            MappingNode root = (MappingNode) load("a: 1\nb:\n  c: [x, 'y']\n").documents().get(0);

            assertThat(root.entry("b").orElseThrow().keyPosition()).isEqualTo(new Position("f.yaml", 2, 1));
            MappingNode b = (MappingNode) root.value("b").orElseThrow();
            SequenceNode c = (SequenceNode) b.value("c").orElseThrow();
            assertThat(c.items().get(1)).isEqualTo(new ScalarNode(new Position("f.yaml", 3, 10), "y",
                    ScalarNode.Type.STRING));
        }

        @Test
        void scalarsKeepTheirYamlType() {
            MappingNode root = (MappingNode) load("i: 3\nf: 1.0\nb: true\nn: ~\ne:\ns: '3'\n").documents().get(0);

            assertThat(root.entries().values()).extracting(e -> ((ScalarNode) e.value()).type()).containsExactly(
                    ScalarNode.Type.INTEGER, ScalarNode.Type.FLOAT, ScalarNode.Type.BOOLEAN, ScalarNode.Type.NULL,
                    ScalarNode.Type.NULL, ScalarNode.Type.STRING);
        }
    }

    @Nested
    class Documents {
        @Test
        void splitsOnSeparatorsAndSkipsEmptyDocuments() {
            assertThat(load("---\na: 1\n---\n---\n# only a comment\n---\nb: 2\n").documents()).hasSize(2);
        }
    }

    @Nested
    class Refusals {
        @Test
        void duplicateKeysAreReportedWithBothLinesAndLoadingGoesOn() {
            YamlLoader.Loaded loaded = load("a:\n  b: 1\n  b: 2\nc: 3\n");

            assertThat(loaded.problems()).extracting(Problem::line)
                    .containsExactly("f.yaml:3:3: a.b: duplicate key \"b\" (first at line 2)");
            assertThat(((MappingNode) loaded.documents().get(0)).entries()).containsOnlyKeys("a", "c");
        }

        @Test
        void aliasesAreRefusedWhereTheyAreUsed() {
            assertThat(load("a: &x 1\nb: *x\n").problems()).extracting(Problem::line)
                    .containsExactly("f.yaml:2:4: YAML aliases (*x) are not supported by berth; write the value out");
        }

        @Test
        void syntaxErrorsCarryTheirPosition() {
            assertThat(load("a: [1, 2\nb: 3\n").problems()).singleElement().extracting(Problem::line)
                    .asString().startsWith("f.yaml:2:2: invalid YAML: ");
        }

        @Test
        void deepNestingIsRefused() {
            String deep = "a: " + "[".repeat(100) + "]".repeat(100) + "\n";

            assertThat(load(deep).problems()).extracting(Problem::line)
                    .containsExactly("f.yaml:1:68: YAML nested deeper than 64 levels");
        }

        @Test
        void binaryGarbageIsAProblemNotACrash() {
            YamlLoader.Loaded loaded = loader.load("f.yaml", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0x41, 0x3a});

            assertThat(loaded.problems()).hasSize(1);
            assertThat(loaded.problems().get(0).line()).startsWith("f.yaml:");
        }
    }
}
