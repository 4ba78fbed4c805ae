package dev.berth.plan;

import dev.berth.docker.ContainerRun.Mount;
import dev.berth.model.BerthLabels;
import dev.berth.model.Container;
import dev.berth.model.PodSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A container's volume mounts as Docker mounts. A PersistentVolumeClaim is a named volume kept on its node;
 * an {@code emptyDir} a scratch volume of the replica (tmpfs-backed for {@code medium: Memory}), shared by
 * its containers; {@code hostPath} a bind mount; ConfigMap and Secret volumes are read-only bind mounts of
 * the files berth wrote (an empty read-only tmpfs when an optional source is absent).
 */
record Mounts(PodSpec spec, Layout layout, Map<String, VolumeFiles> files) {

    List<Mount> of(Container container) {
        List<Mount> mounts = new ArrayList<>();
        for (Container.VolumeMount mount : container.volumeMounts()) {
            PodSpec.Volume volume = spec.volumes().stream().filter(v -> v.name().equals(mount.name()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no volume " + mount.name()));
            String subPath = mount.subPath() == null || mount.subPath().isEmpty() ? null : mount.subPath();
            mounts.add(mount(volume, mount, subPath));
        }
        return mounts;
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
        return Mount.bind(below(layout.volumeDirectory(volume.name()), subPath), target, true);
    }

    private static List<String> subPathOption(String subPath) {
        return subPath == null ? List.of() : List.of("volume-subpath=" + subPath);
    }

    private static String below(String directory, String subPath) {
        return subPath == null ? directory : directory.replaceAll("/+$", "") + "/" + subPath;
    }
}
