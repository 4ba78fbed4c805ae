package dev.berth.plan;

import dev.berth.model.ConfigMap;
import dev.berth.model.PodSpec;
import dev.berth.model.Secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files of a {@code configMap} or {@code secret} volume: every key (or the listed items) as a file
 * named by its path, with the volume's {@code defaultMode} unless its item names a {@code mode} of its own, as in
 * Kubernetes. {@code empty} is true for an optional source that is absent: Kubernetes then mounts an empty
 * directory.
 *
 * @param modes the modes of the items that name one, by path
 */
record VolumeFiles(Map<String, byte[]> files, Map<String, Integer> modes, int mode, boolean empty) {
    private static final int DEFAULT_MODE = 0644;

    VolumeFiles {
        modes = Map.copyOf(modes);
    }

    /** The mode of the file at {@code path}. */
    int mode(String path) {
        return modes.getOrDefault(path, mode);
    }

    static VolumeFiles of(PodSpec.Volume volume, String namespace, DesiredState desired, List<String> problems) {
        if (volume.configMap() != null) {
            PodSpec.ConfigMapSource source = volume.configMap();
            Optional<ConfigMap> map = desired.configMap(namespace, source.name());
            if (map.isEmpty()) {
                return absent("configmap \"" + source.name() + "\"", source.optional(), problems);
            }
            Map<String, byte[]> values = new TreeMap<>();
            map.get().data().forEach((key, value) -> values.put(key, value.getBytes(StandardCharsets.UTF_8)));
            map.get().binaryData().forEach((key, value) -> values.put(key, Base64.getDecoder().decode(value)));
            return new VolumeFiles(select("configmap \"" + source.name() + "\"", values, source.items(),
                    source.optional(), problems), modes(source.items()), mode(source.defaultMode()), false);
        }
        PodSpec.SecretSource source = volume.secret();
        Optional<Secret> secret = desired.secret(namespace, source.secretName());
        if (secret.isEmpty()) {
            return absent("secret \"" + source.secretName() + "\"", source.optional(), problems);
        }
        return new VolumeFiles(select("secret \"" + source.secretName() + "\"", secret.get().values(),
                source.items(), source.optional(), problems), modes(source.items()), mode(source.defaultMode()), false);
    }

    private static VolumeFiles absent(String what, Boolean optional, List<String> problems) {
        if (!Boolean.TRUE.equals(optional)) {
            problems.add(what + " not found");
        }
        return new VolumeFiles(Map.of(), Map.of(), DEFAULT_MODE, true);
    }

    private static Map<String, byte[]> select(String what, Map<String, byte[]> values, List<PodSpec.KeyToPath> items,
                                              Boolean optional, List<String> problems) {
        Map<String, byte[]> files = new TreeMap<>();
        if (items.isEmpty()) {
            values.forEach((key, value) -> add(files, key, value, problems));
            return files;
        }
        for (PodSpec.KeyToPath item : items) {
            byte[] value = values.get(item.key());
            if (value == null) {
                if (!Boolean.TRUE.equals(optional)) {
                    problems.add(what + " has no key \"" + item.key() + "\"");
                }
            } else {
                add(files, item.path(), value, problems);
            }
        }
        return files;
    }

    private static void add(Map<String, byte[]> files, String path, byte[] value, List<String> problems) {
        if (RelativePath.safe(path)) {
            files.put(path, value);
        } else {
            problems.add("file path \"" + path + "\" must be relative and must not contain \"..\"");
        }
    }

    private static Map<String, Integer> modes(List<PodSpec.KeyToPath> items) {
        Map<String, Integer> modes = new TreeMap<>();
        items.stream().filter(item -> item.mode() != null).forEach(item -> modes.put(item.path(), item.mode()));
        return modes;
    }

    private static int mode(int defaultMode) {
        return defaultMode == 0 ? DEFAULT_MODE : defaultMode;
    }
}
