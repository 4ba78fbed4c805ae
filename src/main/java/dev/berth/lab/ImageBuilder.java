package dev.berth.lab;

import dev.berth.error.ClusterException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the lab images on this machine with the build scripts shipped inside berth (extracted to a
 * temporary directory and run with bash). Each build is skipped when its image is current: the node
 * image records a hash of its inputs, the others are rebuilt only when missing.
 */
public final class ImageBuilder {
    private static final String RESOURCES = "/dev/berth/lab/";
    private static final List<String> SCRIPTS = List.of("build-node-image.sh", "build-registry-image.sh",
            "app-images.sh", "node/berth-lab-init");
    private static final int NODE_IMAGE_OUTDATED = 10;
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);

    private final LocalProcess processes;
    private final Consumer<String> progress;

    public ImageBuilder(LocalProcess processes, Consumer<String> progress) {
        this.processes = processes;
        this.progress = progress;
    }

    /** Which images are missing or outdated. */
    public ImageNeeds needs() {
        return withScripts(scripts -> {
            ProcessResult check = processes.run(
                    List.of("bash", scripts.resolve("build-node-image.sh").toString(), "--check"),
                    Duration.ofSeconds(60));
            if (!check.succeeded() && check.exitCode() != NODE_IMAGE_OUTDATED) {
                throw new ClusterException("lab: cannot check the node image: " + check.reason());
            }
            return new ImageNeeds(check.exitCode() == NODE_IMAGE_OUTDATED,
                    !exist(List.of(LabImages.REGISTRY)), !exist(LabImages.APPS));
        });
    }

    public void build(ImageNeeds needs) {
        if (!needs.any()) {
            return;
        }
        withScripts(scripts -> {
            if (needs.node()) {
                progress.accept("lab: building the node image " + LabImages.NODE
                        + " (first time only: ~1 min, or ~20 s from the cached Debian root file system)");
                run(scripts, "build-node-image.sh", "the node image");
            }
            if (needs.registry()) {
                progress.accept("lab: building the registry image " + LabImages.REGISTRY);
                run(scripts, "build-registry-image.sh", "the registry image");
            }
            if (needs.apps()) {
                progress.accept("lab: building the app images " + String.join(", ", LabImages.APPS));
                run(scripts, "app-images.sh", "the app images");
            }
            return null;
        });
    }

    private boolean exist(List<String> images) {
        return processes.run(LabDockerCommands.imagesExist(images), Duration.ofSeconds(30)).succeeded();
    }

    private void run(Path scripts, String script, String what) {
        ProcessResult result = processes.run(List.of("bash", scripts.resolve(script).toString()), BUILD_TIMEOUT);
        if (!result.succeeded()) {
            throw new ClusterException("lab: building " + what + " failed: " + result.reason());
        }
    }

    private <T> T withScripts(java.util.function.Function<Path, T> work) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("berth-lab-build");
            for (String script : SCRIPTS) {
                Path target = directory.resolve(script);
                Files.createDirectories(target.getParent());
                try (InputStream in = ImageBuilder.class.getResourceAsStream(RESOURCES + script)) {
                    if (in == null) {
                        throw new IllegalStateException("berth is missing its resource " + RESOURCES + script);
                    }
                    Files.copy(in, target);
                }
                target.toFile().setExecutable(true);
            }
            return work.apply(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(directory);
        }
    }

    private static void deleteTree(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }
}
