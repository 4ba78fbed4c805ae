package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Names;
import dev.berth.manifest.schema.Rule;
import dev.berth.manifest.schema.Shape;
import dev.berth.model.PodSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the volumes of a pod: each has a name and exactly one supported source. */
final class VolumeReader {
    static final List<String> SOURCES = List.of("persistentVolumeClaim", "hostPath", "emptyDir", "configMap", "secret");
    static final Shape SHAPE = Shape.of("name").plus(SOURCES.toArray(String[]::new))
            .unsupported("nfs", "projected", "downwardAPI", "csi", "ephemeral", "image", "iscsi", "cephfs", "rbd",
                    "glusterfs", "gcePersistentDisk", "awsElasticBlockStore", "azureDisk", "azureFile", "fc",
                    "flexVolume", "flocker", "gitRepo", "portworxVolume", "quobyte", "scaleIO", "storageos",
                    "vsphereVolume", "cinder", "photonPersistentDisk");
    static final Shape CLAIM = Shape.of("claimName", "readOnly");
    static final Shape HOST_PATH = Shape.of("path", "type");
    static final Shape EMPTY_DIR = Shape.of("medium", "sizeLimit");
    static final Shape CONFIG_MAP = Shape.of("name", "items", "defaultMode", "optional");
    static final Shape SECRET = Shape.of("secretName", "items", "defaultMode", "optional");
    static final Shape ITEM = Shape.of("key", "path", "mode");
    static final List<String> HOST_PATH_TYPES = List.of("", "DirectoryOrCreate", "Directory", "FileOrCreate", "File",
            "Socket");
    static final int DEFAULT_MODE = 0644;

    private VolumeReader() {
    }

    static List<PodSpec.Volume> readAll(Fields spec) {
        List<PodSpec.Volume> volumes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Fields volume : spec.objects("volumes", SHAPE)) {
            String name = volume.requiredString("name", Names.DNS_LABEL);
            if (name != null && !names.add(name)) {
                volume.error("name", "duplicate volume name \"" + name + "\"");
            }
            long sources = SOURCES.stream().filter(volume::has).count();
            if (sources > 1 || sources == 0 && !volume.hasOtherThan(List.of("name"))) {
                volume.problems().error(volume.position(), volume.path(),
                        "must set exactly one of " + String.join(", ", SOURCES));
            }
            volumes.add(new PodSpec.Volume(name,
                    volume.object("persistentVolumeClaim", CLAIM).map(VolumeReader::claim).orElse(null),
                    volume.object("hostPath", HOST_PATH).map(VolumeReader::hostPath).orElse(null),
                    emptyDir(volume),
                    volume.object("configMap", CONFIG_MAP).map(VolumeReader::configMap).orElse(null),
                    volume.object("secret", SECRET).map(VolumeReader::secret).orElse(null)));
        }
        return volumes;
    }

    private static PodSpec.ClaimSource claim(Fields claim) {
        return new PodSpec.ClaimSource(claim.requiredString("claimName", Names.DNS_SUBDOMAIN),
                Boolean.TRUE.equals(claim.bool("readOnly")));
    }

    private static PodSpec.HostPathSource hostPath(Fields hostPath) {
        String path = hostPath.requiredString("path", ContainerReader::absolutePath);
        String type = hostPath.string("type", Rule.oneOf(HOST_PATH_TYPES));
        return new PodSpec.HostPathSource(path, type == null ? "" : type);
    }

    /** {@code emptyDir: {}} is the usual way to write it; an empty mapping is a source. */
    private static PodSpec.EmptyDirSource emptyDir(Fields volume) {
        if (!volume.has("emptyDir")) {
            return null;
        }
        return volume.object("emptyDir", EMPTY_DIR).map(dir -> new PodSpec.EmptyDirSource(
                dir.string("medium", Rule.oneOf(List.of("", "Memory"))), dir.quantity("sizeLimit")))
                .orElse(null);
    }

    private static PodSpec.ConfigMapSource configMap(Fields source) {
        return new PodSpec.ConfigMapSource(source.requiredString("name", Names.DNS_SUBDOMAIN), items(source),
                mode(source), source.bool("optional"));
    }

    private static PodSpec.SecretSource secret(Fields source) {
        return new PodSpec.SecretSource(source.requiredString("secretName", Names.DNS_SUBDOMAIN), items(source),
                mode(source), source.bool("optional"));
    }

    private static int mode(Fields source) {
        return DeploymentReader.orElse(source.integer("defaultMode", 0, 0777), DEFAULT_MODE);
    }

    private static List<PodSpec.KeyToPath> items(Fields source) {
        List<PodSpec.KeyToPath> items = new ArrayList<>();
        for (Fields item : source.objects("items", ITEM)) {
            items.add(new PodSpec.KeyToPath(item.requiredString("key", Names.CONFIG_KEY_RULE),
                    item.requiredString("path", ContainerReader::relativePath), item.integer("mode", 0, 0777)));
        }
        return items;
    }
}
