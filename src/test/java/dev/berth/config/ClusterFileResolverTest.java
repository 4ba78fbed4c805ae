package dev.berth.config;

import dev.berth.config.ClusterFileResolver.Request;
import dev.berth.config.ClusterFileResolver.Resolution;
import dev.berth.config.ClusterFileResolver.Source;
import dev.berth.error.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterFileResolverTest {
    @TempDir
    Path directory;

    private Path fromOption;
    private Path fromVariable;
    private Path fromContext;
    private Path local;
    private final AtomicInteger configReads = new AtomicInteger();
    private BerthConfig config;

    @BeforeEach
    void inventories() throws IOException {
        fromOption = touch("option.yaml");
        fromVariable = touch("variable.yaml");
        fromContext = touch("context.yaml");
        local = directory.resolve("cluster.yaml");
        config = new BerthConfig("prod", List.of(
                new Context("prod", fromContext.toString(), "web"),
                new Context("lab", "lab.yaml", null)));
    }

    private Path touch(String name) throws IOException {
        return Files.writeString(directory.resolve(name), "kind: Cluster\n");
    }

    private ClusterFileResolver resolver(String option, String variable, String context) {
        return new ClusterFileResolver(
                new Request(Optional.ofNullable(option), Optional.ofNullable(variable), Optional.ofNullable(context)),
                () -> {
                    configReads.incrementAndGet();
                    return config;
                },
                typed -> directory.resolve(typed).normalize());
    }

    @Nested
    class Order {
        @Test
        void theClusterOptionWinsOverEverything() {
            Resolution found = resolver("option.yaml", "variable.yaml", "prod").resolve();
            assertThat(found.file()).isEqualTo(fromOption);
            assertThat(found.source()).isEqualTo(Source.OPTION);
        }

        @Test
        void theVariableWinsOverContexts() {
            Resolution found = resolver(null, "variable.yaml", "prod").resolve();
            assertThat(found.file()).isEqualTo(fromVariable);
            assertThat(found.source()).isEqualTo(Source.VARIABLE);
        }

        @Test
        void theContextOptionWinsOverTheCurrentContext() throws IOException {
            Path lab = touch("lab.yaml");
            config = config.withCurrent("prod");
            Resolution found = resolver(null, null, "lab").resolve();
            assertThat(found.file()).isEqualTo(lab);
            assertThat(found.source()).isEqualTo(Source.CONTEXT);
            assertThat(found.context()).map(Context::name).contains("lab");
        }

        @Test
        void theCurrentContextWinsOverTheWorkingDirectory() throws IOException {
            touch("cluster.yaml");
            Resolution found = resolver(null, null, null).resolve();
            assertThat(found.file()).isEqualTo(fromContext);
            assertThat(found.source()).isEqualTo(Source.CONTEXT);
        }

        @Test
        void clusterYamlInTheWorkingDirectoryIsTheLastResort() throws IOException {
            touch("cluster.yaml");
            config = config.withCurrent(null);
            Resolution found = resolver(null, null, null).resolve();
            assertThat(found.file()).isEqualTo(local);
            assertThat(found.source()).isEqualTo(Source.WORKING_DIRECTORY);
            assertThat(found.context()).isEmpty();
        }

        @Test
        void withNothingAtAllTheErrorNamesAllFourWays() {
            config = BerthConfig.empty();
            assertThatThrownBy(() -> resolver(null, null, null).resolve())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("no cluster inventory: pass --cluster FILE, set BERTH_CLUSTER, choose a context "
                            + "(berth config use-context NAME), or create ./cluster.yaml");
        }
    }

    @Nested
    class MissingFiles {
        @Test
        void fromTheOption() {
            assertThatThrownBy(() -> resolver("nope.yaml", null, null).resolve())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("cluster inventory " + directory.resolve("nope.yaml") + " (from --cluster) does not exist");
        }

        @Test
        void fromTheVariable() {
            assertThatThrownBy(() -> resolver(null, "nope.yaml", null).resolve())
                    .hasMessage("cluster inventory " + directory.resolve("nope.yaml")
                            + " (from $BERTH_CLUSTER) does not exist");
        }

        @Test
        void fromAContext() {
            assertThatThrownBy(() -> resolver(null, null, "lab").resolve())
                    .hasMessage("cluster inventory " + directory.resolve("lab.yaml")
                            + " (from context \"lab\") does not exist");
        }

        @Test
        void aDirectoryIsNotAnInventory() throws IOException {
            Files.createDirectory(directory.resolve("dir"));
            assertThatThrownBy(() -> resolver("dir", null, null).resolve())
                    .hasMessage("cluster inventory " + directory.resolve("dir") + " (from --cluster) is not a file");
        }
    }

    @Nested
    class Contexts {
        @Test
        void anUnknownContextListsTheKnownOnes() {
            assertThatThrownBy(() -> resolver(null, null, "staging").resolve())
                    .isInstanceOf(UnknownContextException.class)
                    .hasMessage("unknown context \"staging\": known contexts are prod, lab");
        }

        @Test
        void anUnknownContextIsAnErrorEvenWithAnExplicitFile() {
            assertThatThrownBy(() -> resolver("option.yaml", null, "staging").resolve())
                    .isInstanceOf(UnknownContextException.class);
        }

        @Test
        void aCurrentContextThatIsNoLongerDefinedIsAnError() {
            config = config.withCurrent("gone");
            assertThatThrownBy(() -> resolver(null, null, null).resolve())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("the current context \"gone\" is not defined; choose another with "
                            + "berth config use-context NAME (known: prod, lab)");
        }

        @Test
        void anExplicitFileIgnoresABrokenConfig() {
            ClusterFileResolver resolver = new ClusterFileResolver(
                    new Request(Optional.of("option.yaml"), Optional.empty(), Optional.empty()),
                    () -> {
                        throw new InvalidInputException("config.yaml:1: not valid YAML");
                    },
                    typed -> directory.resolve(typed));
            assertThat(resolver.resolve().file()).isEqualTo(fromOption);
            assertThat(resolver.resolve().context()).isEmpty();
        }
    }

    @Nested
    class Namespace {
        @Test
        void comesFromTheCurrentContext() {
            assertThat(resolver(null, null, null).resolve().defaultNamespace()).contains("web");
            assertThat(resolver(null, null, null).defaultNamespace()).contains("web");
        }

        @Test
        void comesFromTheContextEvenWhenTheFileIsNamedExplicitly() {
            assertThat(resolver("option.yaml", null, null).resolve().defaultNamespace()).contains("web");
        }

        @Test
        void isEmptyForAContextWithoutOne() throws IOException {
            touch("lab.yaml");
            assertThat(resolver(null, null, "lab").resolve().defaultNamespace()).isEmpty();
        }

        @Test
        void isEmptyWithoutAContext() throws IOException {
            touch("cluster.yaml");
            config = BerthConfig.empty();
            assertThat(resolver(null, null, null).resolve().defaultNamespace()).isEmpty();
        }
    }

    @Nested
    class Laziness {
        @Test
        void anExplicitFileWithoutContextReadsTheConfigOnlyForTheNamespace() {
            resolver("option.yaml", null, null).resolve();
            assertThat(configReads).hasValue(1);
        }

        @Test
        void contextsAreTriedAfterTheVariable() {
            assertThat(resolver(null, "variable.yaml", null).resolve().source()).isEqualTo(Source.VARIABLE);
        }
    }
}
