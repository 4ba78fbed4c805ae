package dev.berth.manifest;

import dev.berth.error.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds and reads the manifest files named with {@code -f}: files, directories (their {@code .yaml},
 * {@code .yml} and {@code .json} files, recursively with {@code -R}) and {@code -} for standard input.
 * A file over {@link #MAX_BYTES} is refused by its size, before a byte of it is read.
 */
public final class InputFiles {
    /** Far above any real manifest file, far below what could exhaust memory. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    public static final String STDIN_NAME = "<stdin>";

    private final Path workingDirectory;
    private final InputStream stdin;

    public InputFiles(Path workingDirectory, InputStream stdin) {
        this.workingDirectory = workingDirectory;
        this.stdin = stdin;
    }

    /** What was read, and the files refused for their size. */
    public record Read(List<ManifestInput> inputs, List<Problem> problems) {
    }

    public Read read(List<String> arguments, boolean recursive) {
        List<ManifestInput> inputs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals("-")) {
                readStdin(inputs, problems);
                continue;
            }
            Path path = workingDirectory.resolve(argument).normalize();
            if (Files.isDirectory(path)) {
                for (Path file : list(path, recursive)) {
                    readFile(join(argument, path.relativize(file)), file, inputs, problems);
                }
            } else if (Files.isRegularFile(path)) {
                readFile(argument, path, inputs, problems);
            } else {
                throw new InvalidInputException("the path \"" + argument + "\" does not exist");
            }
        }
        return new Read(inputs, problems);
    }

    private static String join(String directory, Path relative) {
        String prefix = directory.endsWith("/") ? directory : directory + "/";
        return prefix + relative.toString().replace('\\', '/');
    }

    private static List<Path> list(Path directory, boolean recursive) {
        try (Stream<Path> files = recursive ? Files.walk(directory) : Files.list(directory)) {
            return files.filter(Files::isRegularFile).filter(InputFiles::isManifest).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException("cannot list \"" + directory + "\": " + e.getMessage());
        }
    }

    private static boolean isManifest(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static void readFile(String name, Path file, List<ManifestInput> inputs, List<Problem> problems) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                problems.add(tooLarge(name, "file is " + size + " bytes"));
                return;
            }
            inputs.add(new ManifestInput(name, Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new InvalidInputException("cannot read \"" + name + "\": " + e.getMessage());
        }
    }

    private void readStdin(List<ManifestInput> inputs, List<Problem> problems) {
        try {
            byte[] content = stdin.readNBytes(MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                problems.add(tooLarge(STDIN_NAME, "input is more than " + MAX_BYTES + " bytes"));
                return;
            }
            inputs.add(new ManifestInput(STDIN_NAME, content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Problem tooLarge(String name, String size) {
        return new Problem(Problem.Severity.ERROR, new Position(name, 1, 1), "",
                size + "; berth reads manifest files of at most " + MAX_BYTES + " bytes (4 MiB)");
    }
}
