package dev.berth.plan;

import dev.berth.model.ConfigMap;
import dev.berth.model.Deployment;
import dev.berth.model.ObjectMeta;
import dev.berth.model.PersistentVolumeClaim;
import dev.berth.model.Quantity;
import dev.berth.model.Secret;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the planner's tests. */
final class Plans {
    private Plans() {
    }

    /** Replica suffixes a0001, a0002, ... so that expected plans can be written out. */
    static PodNames sequence() {
        int[] next = {0};
        return () -> String.format("a%04d", ++next[0]);
    }

    static DesiredState desired(Deployment... deployments) {
        return new DesiredState(List.of(deployments), List.of(), List.of(), List.of());
    }

    static DesiredState desired(List<Deployment> deployments, List<ConfigMap> configMaps, List<Secret> secrets,
                                List<PersistentVolumeClaim> claims) {
        return new DesiredState(deployments, configMaps, secrets, claims);
    }

    static ConfigMap configMap(String name, Map<String, String> data) {
        return new ConfigMap(ConfigMap.API_VERSION, ConfigMap.KIND, new ObjectMeta(name, "default", Map.of(), Map.of()),
                data, Map.of());
    }

    static Secret secret(String name, String key, String value) {
        return new Secret(Secret.API_VERSION, Secret.KIND, new ObjectMeta(name, "default", Map.of(), Map.of()),
                Secret.OPAQUE, Map.of(key, value.getBytes(StandardCharsets.UTF_8)));
    }

    static PersistentVolumeClaim claim(String name) {
        return new PersistentVolumeClaim(PersistentVolumeClaim.API_VERSION, PersistentVolumeClaim.KIND,
                new ObjectMeta(name, "default", Map.of(), Map.of()),
                new PersistentVolumeClaim.Spec(List.of("ReadWriteOnce"),
                        new PersistentVolumeClaim.Requests(Map.of("storage", Quantity.of("1Gi"))), null, "Filesystem"));
    }

    static List<String> describe(Plan plan) {
        return plan.actions().stream().map(Action::describe).toList();
    }

    /** The pod name of a replica: {@code <deployment>-<hash>-<suffix>}. */
    static String pod(Deployment deployment, DesiredState desired, String suffix) {
        return deployment.metadata().name() + "-" + SpecHash.of(deployment, desired) + "-" + suffix;
    }
}
