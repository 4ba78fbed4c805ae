package dev.berth.lab;

import dev.berth.cli.CliRunner;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/**
 * Brings the integration-test lab {@code it} (3 nodes) up once per test run and hands it to tests.
 * A lab {@code it} that is already running is reused (up converges), so a developer's next run starts
 * in seconds; the developer's own lab {@code lab} is never touched. At the end of the run the lab is
 * taken down, leaving the machine clean, unless {@code -Dberth.lab.keep=true}. Its files live under
 * {@code target/lab-it/}. {@code -Dberth.lab.name=NAME} runs against lab NAME instead (files under
 * {@code target/lab-NAME/}), so two checkouts on one machine can run their integration tests side by side.
 */
public final class LabExtension implements BeforeAllCallback, ParameterResolver {
    public static final String NAME = System.getProperty("berth.lab.name", "it");
    public static final int NODES = 3;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LabExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        lab(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Lab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return lab(context);
    }

    private static Lab lab(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningLab.class, key -> RunningLab.start(), RunningLab.class).lab;
    }

    /** The lab of this test run; closed (taken down) by JUnit when the run ends. */
    static final class RunningLab implements AutoCloseable {
        final Lab lab;

        private RunningLab(Lab lab) {
            this.lab = lab;
        }

        static RunningLab start() {
            Path base = Path.of("target", "lab-" + NAME).toAbsolutePath();
            Lab lab = new Lab(NAME, base.resolve("data"), base.resolve("config"));
            CliRunner.Result up = lab.lab("up", "--nodes", String.valueOf(NODES));
            if (up.exitCode() != 0) {
                throw new IllegalStateException("the test lab did not come up: " + up);
            }
            return new RunningLab(lab);
        }

        @Override
        public void close() {
            if (!Boolean.getBoolean("berth.lab.keep")) {
                lab.lab("down");
            }
        }
    }
}
