package dev.berth.manifest;

import dev.berth.model.Container;
import dev.berth.model.Deployment;
import dev.berth.model.Ingress;
import dev.berth.model.LabelSelector;
import dev.berth.model.PodSpec;
import dev.berth.model.Resource;
import dev.berth.model.Service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks objects against each other. Two objects with the same kind, namespace and name are an error.
 * References to objects that are not among the files (a Service selecting no Deployment, an Ingress naming
 * no Service, a volume naming no claim) are warnings: the object may already exist on the cluster. They are
 * looked for only when every object is valid, since an invalid object would make them noise.
 */
final class CrossChecks {
    private final List<Located> objects;
    private final Problems problems;

    private CrossChecks(List<Located> objects, Problems problems) {
        this.objects = objects;
        this.problems = problems;
    }

    static void check(List<Located> objects, Problems problems) {
        CrossChecks checks = new CrossChecks(objects, problems);
        checks.duplicates();
        if (problems.errorCount() == 0) {
            for (Located object : objects) {
                if (object.resource() instanceof Service service) {
                    checks.selects(object, service);
                } else if (object.resource() instanceof Ingress ingress) {
                    checks.routes(object, ingress);
                } else if (object.resource() instanceof Deployment deployment) {
                    checks.mounts(object, deployment);
                }
            }
        }
    }

    private void duplicates() {
        Map<String, Located> seen = new HashMap<>();
        for (Located object : objects) {
            Located first = seen.putIfAbsent(object.resource().identity(), object);
            if (first != null) {
                Resource resource = object.resource();
                String namespace = resource.metadata().namespace();
                problems.error(object.position("metadata", "name"), "metadata.name",
                        "duplicate " + resource.kind() + " \"" + (namespace == null ? "" : namespace + "/")
                                + resource.metadata().name() + "\", first defined at " + first.position());
            }
        }
    }

    private void selects(Located object, Service service) {
        Map<String, String> selector = service.spec().selector();
        if (selector.isEmpty()) {
            problems.warn(object.position("spec"), "spec.selector",
                    "no selector: berth routes this Service to nothing");
            return;
        }
        LabelSelector labels = new LabelSelector(selector, List.of());
        List<Deployment> matched = objects.stream().map(Located::resource)
                .filter(r -> r instanceof Deployment && sameNamespace(r, service)).map(r -> (Deployment) r)
                .filter(d -> labels.matches(d.spec().template().metadata().labels()))
                .toList();
        TargetPorts.check(object, service, matched, problems);
        if (matched.isEmpty()) {
            problems.warn(object.position("spec", "selector"), "spec.selector",
                    "selects no Deployment of namespace \"" + service.metadata().namespace() + "\" in these files");
        }
    }

    private void routes(Located object, Ingress ingress) {
        if (ingress.spec().defaultBackend() != null) {
            service(object, ingress, ingress.spec().defaultBackend(), "spec.defaultBackend.service.name",
                    object.position("spec", "defaultBackend"));
        }
        for (int r = 0; r < ingress.spec().rules().size(); r++) {
            List<Ingress.Path> paths = ingress.spec().rules().get(r).http().paths();
            for (int p = 0; p < paths.size(); p++) {
                service(object, ingress, paths.get(p).backend(),
                        "spec.rules[" + r + "].http.paths[" + p + "].backend.service.name", object.position("spec"));
            }
        }
        for (int t = 0; t < ingress.spec().tls().size(); t++) {
            String secret = ingress.spec().tls().get(t).secretName();
            if (secret != null) {
                reference(object, "Secret", secret, "spec.tls[" + t + "].secretName", object.position("spec", "tls"));
            }
        }
    }

    private void service(Located object, Ingress ingress, Ingress.Backend backend, String path, Position position) {
        Position at = ReferencePositions.find(object.document(), path).orElse(position);
        String name = backend.service().name();
        Service target = (Service) objects.stream().map(Located::resource)
                .filter(r -> r instanceof Service && sameNamespace(r, ingress) && r.metadata().name().equals(name))
                .findFirst().orElse(null);
        if (target == null) {
            problems.warn(at, path, "Service \"" + name + "\" is not in these files");
            return;
        }
        Ingress.BackendPort port = backend.service().port();
        boolean found = target.spec().ports().stream().anyMatch(p -> port.number() != null
                ? p.port() == port.number() : port.name().equals(p.name()));
        if (!found) {
            problems.warn(at, path, "Service \"" + name + "\" has no port "
                    + (port.number() != null ? port.number() : "named \"" + port.name() + "\""));
        }
    }

    private void mounts(Located object, Deployment deployment) {
        PodSpec pod = deployment.spec().template().spec();
        for (int v = 0; v < pod.volumes().size(); v++) {
            PodSpec.Volume volume = pod.volumes().get(v);
            String base = "spec.template.spec.volumes[" + v + "].";
            if (volume.persistentVolumeClaim() != null) {
                reference(object, "PersistentVolumeClaim", volume.persistentVolumeClaim().claimName(),
                        base + "persistentVolumeClaim.claimName", object.position("spec"));
            }
            if (volume.configMap() != null && !Boolean.TRUE.equals(volume.configMap().optional())) {
                reference(object, "ConfigMap", volume.configMap().name(), base + "configMap.name",
                        object.position("spec"));
            }
            if (volume.secret() != null && !Boolean.TRUE.equals(volume.secret().optional())) {
                reference(object, "Secret", volume.secret().secretName(), base + "secret.secretName",
                        object.position("spec"));
            }
        }
        for (int c = 0; c < pod.containers().size(); c++) {
            Container container = pod.containers().get(c);
            String base = "spec.template.spec.containers[" + c + "].";
            for (int e = 0; e < container.env().size(); e++) {
                Container.EnvSource from = container.env().get(e).valueFrom();
                if (from != null) {
                    keyRef(object, "ConfigMap", from.configMapKeyRef(), base + "env[" + e + "].valueFrom.configMapKeyRef.name");
                    keyRef(object, "Secret", from.secretKeyRef(), base + "env[" + e + "].valueFrom.secretKeyRef.name");
                }
            }
            for (int e = 0; e < container.envFrom().size(); e++) {
                Container.EnvFrom from = container.envFrom().get(e);
                nameRef(object, "ConfigMap", from.configMapRef(), base + "envFrom[" + e + "].configMapRef.name");
                nameRef(object, "Secret", from.secretRef(), base + "envFrom[" + e + "].secretRef.name");
            }
        }
    }

    private void keyRef(Located object, String kind, Container.KeyRef ref, String path) {
        if (ref != null && !Boolean.TRUE.equals(ref.optional())) {
            reference(object, kind, ref.name(), path, object.position("spec"));
        }
    }

    private void nameRef(Located object, String kind, Container.NameRef ref, String path) {
        if (ref != null && !Boolean.TRUE.equals(ref.optional())) {
            reference(object, kind, ref.name(), path, object.position("spec"));
        }
    }

    private void reference(Located object, String kind, String name, String path, Position fallback) {
        boolean present = objects.stream().map(Located::resource).anyMatch(r -> r.kind().equals(kind)
                && sameNamespace(r, object.resource()) && r.metadata().name().equals(name));
        if (!present) {
            Position at = ReferencePositions.find(object.document(), path).orElse(fallback);
            problems.warn(at, path, kind + " \"" + name + "\" is not in these files; it must exist on the cluster");
        }
    }

    private static boolean sameNamespace(Resource a, Resource b) {
        return a.metadata().namespace().equals(b.metadata().namespace());
    }
}
