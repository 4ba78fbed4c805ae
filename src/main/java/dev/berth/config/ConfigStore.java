package dev.berth.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.berth.error.BerthException;
import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads and writes {@code config.yaml}. A missing file is an empty config; a malformed one is an
 * error naming the file and line. Writes replace the file atomically, readable by its owner only.
 */
public final class ConfigStore {
    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Path file;

    public ConfigStore(Path file) {
        this.file = file;
    }

    /**
     * The store of the user: {@code $XDG_CONFIG_HOME/berth/config.yaml} when that variable holds an
     * absolute path (as the XDG spec asks), else {@code ~/.config/berth/config.yaml}.
     */
    public static ConfigStore forUser(Optional<String> xdgConfigHome, Path home) {
        Path base = xdgConfigHome.map(Path::of).filter(Path::isAbsolute).orElse(home.resolve(".config"));
        return new ConfigStore(base.resolve("berth").resolve("config.yaml"));
    }

    public Path file() {
        return file;
    }

    public BerthConfig load() {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return BerthConfig.empty();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
        }
        if (text.isBlank()) {
            return BerthConfig.empty();
        }
        try {
            BerthConfig config = YAML.readValue(text, BerthConfig.class);
            return config == null ? BerthConfig.empty() : config;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + ":" + line(e, text) + ": " + problem(e)
                    + " (fix or remove the file; berth config set-context rewrites it)");
        }
    }

    public void save(BerthConfig config) {
        String text;
        try {
            text = YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new BerthException(ExitCode.INTERNAL, "cannot serialize the config: " + e.getMessage(), e);
        }
        try {
            PrivateFiles.writeAtomically(file, text);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static int line(JsonProcessingException e, String text) {
        Optional<MarkedYAMLException> yaml = syntaxError(e);
        if (yaml.isPresent() && yaml.get().getProblemMark() != null) {
            return yaml.get().getProblemMark().getLine() + 1;
        }
        if (e instanceof JsonMappingException mapping) {
            Optional<Integer> line = YamlLines.lineOf(YAML, text, mapping.getPath());
            if (line.isPresent()) {
                return line.get();
            }
        }
        return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
    }

    private static String problem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field \"" + unknown.getPropertyName() + "\" (known: "
                    + String.join(", ", unknown.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted().toList()) + ")";
        }
        if (e instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
            return invalid.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException mismatched) {
            String path = mismatched.getPath().stream()
                    .map(reference -> reference.getFieldName() != null
                            ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .reduce("", (left, right) -> left.isEmpty() || right.startsWith("[")
                            ? left + right : left + "." + right);
            return (path.isEmpty() ? "" : path + ": ") + expected(mismatched.getTargetType());
        }
        Optional<MarkedYAMLException> yaml = syntaxError(e);
        if (yaml.isPresent() && yaml.get().getProblem() != null) {
            return "not valid YAML: " + yaml.get().getProblem();
        }
        return e.getOriginalMessage().lines().findFirst().orElse("not valid YAML");
    }

    private static Optional<MarkedYAMLException> syntaxError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                return Optional.of(marked);
            }
        }
        return Optional.empty();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "unexpected value";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "expected a list";
        }
        if (type == String.class) {
            return "expected a text value";
        }
        return "expected a mapping";
    }
}
