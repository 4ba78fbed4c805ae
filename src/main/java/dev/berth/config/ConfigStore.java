package dev.berth.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.berth.error.BerthException;
import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads and writes {@code config.yaml}. A missing file is an empty config; a malformed one is an
 * error naming the file and line ({@link ConfigYamlReader}). Writes replace the file atomically, readable by its
 * owner only.
 */
public final class ConfigStore {

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
            return ConfigYamlReader.read(text);
        } catch (ConfigYamlReader.Problem e) {
            throw new InvalidInputException(file + ":" + e.line() + ": " + e.getMessage()
                    + " (fix or remove the file; berth config set-context rewrites it)");
        }
    }

    public void save(BerthConfig config) {
        String text;
        try {
            text = Writer.YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new BerthException(ExitCode.INTERNAL, "cannot serialize the config: " + e.getMessage(), e);
        }
        try {
            PrivateFiles.writeAtomically(file, text);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** The writer's mapper, made only when a verb writes the config. */
    private static final class Writer {
        static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .disable(YAMLGenerator.Feature.SPLIT_LINES)
                        .build())
                .build();
    }
}
