package dev.berth.plan;

import dev.berth.docker.ContainerRun.Mount;
import dev.berth.archive.FileArchive;
import dev.berth.model.BerthLabels;
import dev.berth.model.Container;
import dev.berth.model.PodSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A container's volume mounts as Docker mounts. A PersistentVolumeClaim is a named volume kept on its node;
 * an {@code emptyDir} a scratch volume of the replica (tmpfs-backed for {@code medium: Memory}), shared by
 * its containers; {@code hostPath} a bind mount. A ConfigMap or Secret volume is a scratch volume of the replica
 * too, which its files are copied into while the container exists but has not started (an empty read-only tmpfs
 * when an optional source is absent); with a {@code subPath} its files are copied into the container's own
 * filesystem at the mount path, with no mount. Nothing of them is written below the SSH user's home.
 */
record Mounts(PodSpec spec, Layout layout, Map<String, VolumeFiles> files) {
    private static final int DIRECTORY_MODE = 0755;

    List<Mount> of(Container container) {
        List<Mount> mounts = new ArrayList<>();
        for (Container.VolumeMount mount : container.volumeMounts()) {
            PodSpec.Volume volume = spec.volumes().stream().filter(v -> v.name().equals(mount.name()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no volume " + mount.name()));
            String subPath = mount.subPath() == null || mount.subPath().isEmpty() ? null : mount.subPath();
            Mount docker = mount(volume, mount, subPath);
            if (docker != null) {
                mounts.add(docker);
            }
        }
        return mounts;
    }

    /**
     * The files of the container's ConfigMap and Secret volumes at their mount paths, for {@code docker cp}: each
     * mount path as a directory (0755), then each file with its mode; with a {@code subPath}, the file it names
     * at the mount path itself, or the directory it names.
     */
    FileArchive copiedIn(Container container) {
        List<FileArchive.Entry> entries = new ArrayList<>();
        for (Container.VolumeMount mount : container.volumeMounts()) {
            VolumeFiles volume = files.get(mount.name());
            if (volume == null || volume.empty()) {
                continue;
            }
            String target = fromRoot(mount.mountPath());
            String subPath = mount.subPath() == null || mount.subPath().isEmpty() ? null : mount.subPath();
            if (subPath != null && volume.files().containsKey(subPath)) {
                entries.add(FileArchive.Entry.file(target, volume.mode(subPath), volume.files().get(subPath)));
                continue;
            }
            entries.add(FileArchive.Entry.directory(target, DIRECTORY_MODE));
            Set<String> directories = new TreeSet<>();
            volume.files().forEach((path, content) -> {
                String inside = subPath == null ? path : path.startsWith(subPath + "/")
                        ? path.substring(subPath.length() + 1) : null;
                if (inside == null) {
                    return;
                }
                for (int slash = inside.indexOf('/'); slash > 0; slash = inside.indexOf('/', slash + 1)) {
                    if (directories.add(inside.substring(0, slash))) {
                        entries.add(FileArchive.Entry.directory(target + "/" + inside.substring(0, slash),
                                DIRECTORY_MODE));
                    }
                }
                entries.add(FileArchive.Entry.file(target + "/" + inside, volume.mode(path), content));
            });
        }
        return new FileArchive(entries);
    }

    /** A mount path as the archive names it: relative to the container's root, {@code etc/app}. */
    static String fromRoot(String mountPath) {
        return mountPath.replaceAll("/+", "/").replaceAll("^/|/$", "");
    }

    private Mount mount(PodSpec.Volume volume, Container.VolumeMount mount, String subPath) {
        String target = mount.mountPath();
        if (volume.persistentVolumeClaim() != null) {
            return Mount.volume(Layout.claimVolume(layout.namespace(), volume.persistentVolumeClaim().claimName()),
                    target, mount.readOnly() || volume.persistentVolumeClaim().readOnly(), subPathOption(subPath));
        }
        if (volume.hostPath() != null) {
            return Mount.bind(below(volume.hostPath().path(), subPath), target, mount.readOnly());
        }
        if (volume.emptyDir() != null) {
            List<String> options = new ArrayList<>(List.of("volume-label=" + BerthLabels.POD + "=" + layout.pod()));
            if ("Memory".equals(volume.emptyDir().medium())) {
                options.addAll(List.of("volume-driver=local", "volume-opt=type=tmpfs", "volume-opt=device=tmpfs"));
                if (volume.emptyDir().sizeLimit() != null) {
                    options.add("volume-opt=o=size=" + volume.emptyDir().sizeLimit().bytes());
                }
            }
            options.addAll(subPathOption(subPath));
            return Mount.volume(layout.scratchVolume(volume.name()), target, mount.readOnly(), options);
        }
        if (files.get(volume.name()).empty()) {
            return new Mount("tmpfs", null, target, true, List.of());
        }
        if (subPath != null) {
            return null;
        }
        return Mount.volume(layout.scratchVolume(volume.name()), target, false,
                List.of("volume-label=" + BerthLabels.POD + "=" + layout.pod(), "volume-nocopy"));
    }

    private static List<String> subPathOption(String subPath) {
        return subPath == null ? List.of() : List.of("volume-subpath=" + subPath);
    }

    private static String below(String directory, String subPath) {
        return subPath == null ? directory : directory.replaceAll("/+$", "") + "/" + subPath;
    }
}
