package dev.berth.plan;

import dev.berth.model.Container;
import dev.berth.model.PodSpec;

import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** The ConfigMaps and Secrets a pod template reads, by name (same namespace as the Deployment). */
record TemplateReferences(SortedSet<String> configMaps, SortedSet<String> secrets) {

    static TemplateReferences of(PodSpec spec) {
        SortedSet<String> configMaps = new TreeSet<>();
        SortedSet<String> secrets = new TreeSet<>();
        for (Container container : spec.containers()) {
            for (Container.EnvVar variable : container.env()) {
                Container.EnvSource source = variable.valueFrom();
                if (source != null && source.configMapKeyRef() != null) {
                    configMaps.add(source.configMapKeyRef().name());
                }
                if (source != null && source.secretKeyRef() != null) {
                    secrets.add(source.secretKeyRef().name());
                }
            }
            for (Container.EnvFrom from : container.envFrom()) {
                if (from.configMapRef() != null) {
                    configMaps.add(from.configMapRef().name());
                }
                if (from.secretRef() != null) {
                    secrets.add(from.secretRef().name());
                }
            }
        }
        spec.volumes().stream().map(PodSpec.Volume::configMap).filter(Objects::nonNull)
                .forEach(source -> configMaps.add(source.name()));
        spec.volumes().stream().map(PodSpec.Volume::secret).filter(Objects::nonNull)
                .forEach(source -> secrets.add(source.secretName()));
        return new TemplateReferences(configMaps, secrets);
    }
}
