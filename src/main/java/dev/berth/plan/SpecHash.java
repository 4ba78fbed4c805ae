package dev.berth.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.berth.model.ConfigMap;
import dev.berth.model.Deployment;
import dev.berth.model.Secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The identity of what a replica runs: the first 10 hex digits of a SHA-256 over the canonical JSON of the
 * pod template (properties and map keys sorted) and the content of every ConfigMap and Secret the template
 * reads. Changing a referenced ConfigMap or Secret therefore changes the hash and rolls the replicas, as a
 * checksum annotation does on Kubernetes. Replica count, strategy and the Deployment's own metadata are not
 * part of it: scaling never restarts a replica.
 *
 * <p>The hash also covers how berth runs a template ({@link #SCHEME}): when that changes in a way the running
 * replicas must follow (their ports published on the node's cluster address instead of every address, their
 * resolver searching the namespace's Service names), every replica is replaced once, by a rollout in waves.
 */
public final class SpecHash {
    public static final int LENGTH = 10;
    /** How berth runs a template; part of every hash. */
    static final String SCHEME = "ports on the cluster address, service names searched";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private SpecHash() {
    }

    /** The spec hash of a Deployment's template against the ConfigMaps and Secrets of the desired state. */
    public static String of(Deployment deployment, DesiredState desired) {
        String namespace = DesiredState.namespace(deployment.metadata());
        MessageDigest digest = sha256();
        field(digest, SCHEME);
        field(digest, canonical(deployment.spec().template()));
        TemplateReferences references = TemplateReferences.of(deployment.spec().template().spec());
        for (String name : references.configMaps()) {
            field(digest, "configmap/" + name);
            Optional<ConfigMap> configMap = desired.configMap(namespace, name);
            field(digest, configMap.map(c -> canonical(new Object[]{c.data(), c.binaryData()})).orElse("absent"));
        }
        for (String name : references.secrets()) {
            field(digest, "secret/" + name);
            Optional<Secret> secret = desired.secret(namespace, name);
            field(digest, secret.isPresent() ? "present" : "absent");
            secret.ifPresent(s -> new TreeMap<>(s.values()).forEach((key, value) -> {
                field(digest, key);
                field(digest, value);
            }));
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, LENGTH);
    }

    private static String canonical(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    private static void field(MessageDigest digest, String text) {
        field(digest, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Each field is length-prefixed, so that no two different sequences of fields hash alike. */
    private static void field(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
