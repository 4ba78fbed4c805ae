package dev.berth.config;

import dev.berth.error.InvalidInputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Finds the cluster inventory a verb works on. The first of these wins:
 * {@code --cluster FILE}, {@code $BERTH_CLUSTER}, the context ({@code --context NAME} or the
 * current one), {@code ./cluster.yaml}. A file named by any of them must exist.
 * The config file is read only when a context is needed.
 */
public final class ClusterFileResolver {
    /** The environment variable naming an inventory file. */
    public static final String VARIABLE = "BERTH_CLUSTER";
    /** The inventory used when nothing else names one, in the working directory. */
    public static final String DEFAULT_FILE = "cluster.yaml";

    private final Request request;
    private final Supplier<BerthConfig> config;
    private final Function<String, Path> paths;

    /**
     * @param request what the user gave on the command line and in the environment
     * @param config  reads the config file, called at most when a context is needed
     * @param paths   turns a path the user typed ({@code ~/x}, relative) into an absolute path
     */
    public ClusterFileResolver(Request request, Supplier<BerthConfig> config, Function<String, Path> paths) {
        this.request = request;
        this.config = config;
        this.paths = paths;
    }

    /** What can name an inventory: the options {@code --cluster} and {@code --context}, and {@code $BERTH_CLUSTER}. */
    public record Request(Optional<String> clusterOption, Optional<String> variable, Optional<String> contextOption) {
    }

    /** Where the inventory came from, as a user would name it in an error message. */
    public enum Source {
        OPTION("--cluster"), VARIABLE("$" + ClusterFileResolver.VARIABLE), CONTEXT("context"),
        WORKING_DIRECTORY("./" + DEFAULT_FILE);

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The inventory file found, where it came from, and the context in effect (if any). */
    public record Resolution(Path file, Source source, Optional<Context> context) {
        public Optional<String> defaultNamespace() {
            return context.flatMap(Context::defaultNamespace);
        }
    }

    public Resolution resolve() {
        if (request.clusterOption().isPresent()) {
            return named(request.clusterOption().get(), Source.OPTION, "--cluster");
        }
        if (request.variable().isPresent()) {
            return named(request.variable().get(), Source.VARIABLE, "$" + VARIABLE);
        }
        Optional<Context> context = context();
        if (context.isPresent()) {
            Path file = paths.apply(context.get().cluster());
            requireExists(file, "context \"" + context.get().name() + "\"");
            return new Resolution(file, Source.CONTEXT, context);
        }
        Path local = paths.apply(DEFAULT_FILE);
        if (Files.isRegularFile(local)) {
            return new Resolution(local, Source.WORKING_DIRECTORY, Optional.empty());
        }
        throw new InvalidInputException("no cluster inventory: pass --cluster FILE, set " + VARIABLE
                + ", choose a context (berth config use-context NAME), or create ./" + DEFAULT_FILE);
    }

    /** The namespace of the context in effect, whatever named the inventory; empty means {@code default}. */
    public Optional<String> defaultNamespace() {
        return context().flatMap(Context::defaultNamespace);
    }

    /**
     * The context in effect: the one {@code --context} names (which must exist), else the current one.
     * A current context the file no longer defines is an error rather than a silent fallback.
     */
    public Optional<Context> context() {
        if (request.contextOption().isPresent()) {
            BerthConfig loaded = config.get();
            String name = request.contextOption().get();
            return Optional.of(loaded.context(name)
                    .orElseThrow(() -> new UnknownContextException(name, loaded.names())));
        }
        BerthConfig loaded = config.get();
        if (loaded.currentContext() == null) {
            return Optional.empty();
        }
        return Optional.of(loaded.current().orElseThrow(() -> new InvalidInputException(
                "the current context \"" + loaded.currentContext() + "\" is not defined; choose another "
                        + "with berth config use-context NAME"
                        + (loaded.names().isEmpty() ? "" : " (known: " + String.join(", ", loaded.names()) + ")"))));
    }

    private Resolution named(String name, Source source, String origin) {
        Path file = paths.apply(name);
        requireExists(file, origin);
        return new Resolution(file, source, optionalContext());
    }

    /** With an explicit file, a context still lends its namespace, but a broken config must not stop the verb. */
    private Optional<Context> optionalContext() {
        if (request.contextOption().isPresent()) {
            return context();
        }
        try {
            return context();
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static void requireExists(Path file, String origin) {
        if (!Files.exists(file)) {
            throw new InvalidInputException("cluster inventory " + file + " (from " + origin + ") does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("cluster inventory " + file + " (from " + origin + ") is not a file");
        }
    }
}
