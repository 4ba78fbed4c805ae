package dev.berth.plan;

import dev.berth.docker.ContainerRun;
import dev.berth.model.ConfigMap;
import dev.berth.model.Container;
import dev.berth.model.Secret;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The environment of one container as Kubernetes builds it: {@code envFrom} sources in order (keys in name
 * order, later sources win), then {@code env} entries, each replacing an earlier variable of the same name.
 * Secret-sourced values are kept apart: they go into a 0600 env file, never into the argv.
 *
 * @param literal variables given with {@code --env}: literal values and ConfigMap values
 * @param secret  variables written to the env file, as the file's bytes
 */
record PodEnvironment(List<ContainerRun.Variable> literal, byte[] secret) {

    static PodEnvironment resolve(Container container, String namespace, DesiredState desired,
                                  List<String> problems) {
        Map<String, Value> variables = new LinkedHashMap<>();
        for (Container.EnvFrom from : container.envFrom()) {
            String prefix = from.prefix() == null ? "" : from.prefix();
            if (from.configMapRef() != null) {
                Optional<ConfigMap> map = desired.configMap(namespace, from.configMapRef().name());
                if (map.isEmpty() && !optional(from.configMapRef().optional())) {
                    problems.add("configmap \"" + from.configMapRef().name() + "\" not found");
                }
                map.ifPresent(m -> new TreeMap<>(m.data()).forEach((key, value) ->
                        put(variables, prefix + key, new Value(value, false))));
            }
            if (from.secretRef() != null) {
                Optional<Secret> secret = desired.secret(namespace, from.secretRef().name());
                if (secret.isEmpty() && !optional(from.secretRef().optional())) {
                    problems.add("secret \"" + from.secretRef().name() + "\" not found");
                }
                secret.ifPresent(s -> new TreeMap<>(s.values()).forEach((key, value) ->
                        put(variables, prefix + key, secretValue(s, key, value, problems))));
            }
        }
        for (Container.EnvVar variable : container.env()) {
            Value value = value(variable, namespace, desired, problems);
            if (value != null) {
                put(variables, variable.name(), value);
            }
        }
        List<ContainerRun.Variable> literal = new ArrayList<>();
        StringBuilder secret = new StringBuilder();
        variables.forEach((name, value) -> {
            if (value.text().indexOf('\0') >= 0) {
                problems.add("variable " + name + " contains a NUL byte");
            } else if (value.secret()) {
                secret.append(name).append('=').append(value.text()).append('\n');
            } else {
                literal.add(new ContainerRun.Variable(name, value.text()));
            }
        });
        return new PodEnvironment(literal, secret.toString().getBytes(StandardCharsets.UTF_8));
    }

    boolean hasSecrets() {
        return secret.length > 0;
    }

    private record Value(String text, boolean secret) {
    }

    private static void put(Map<String, Value> variables, String name, Value value) {
        if (value != null) {
            variables.put(name, value);
        }
    }

    private static Value value(Container.EnvVar variable, String namespace, DesiredState desired,
                               List<String> problems) {
        if (variable.valueFrom() == null) {
            return new Value(variable.value() == null ? "" : variable.value(), false);
        }
        Container.KeyRef ref = variable.valueFrom().configMapKeyRef();
        if (ref != null) {
            Optional<ConfigMap> map = desired.configMap(namespace, ref.name());
            String value = map.map(m -> m.data().get(ref.key())).orElse(null);
            if (value == null && !optional(ref.optional())) {
                problems.add(map.isEmpty() ? "configmap \"" + ref.name() + "\" not found"
                        : "configmap \"" + ref.name() + "\" has no key \"" + ref.key() + "\"");
            }
            return value == null ? null : new Value(value, false);
        }
        Container.KeyRef secretRef = variable.valueFrom().secretKeyRef();
        Optional<Secret> secret = desired.secret(namespace, secretRef.name());
        byte[] bytes = secret.map(s -> s.values().get(secretRef.key())).orElse(null);
        if (bytes == null) {
            if (!optional(secretRef.optional())) {
                problems.add(secret.isEmpty() ? "secret \"" + secretRef.name() + "\" not found"
                        : "secret \"" + secretRef.name() + "\" has no key \"" + secretRef.key() + "\"");
            }
            return null;
        }
        return secretValue(secret.get(), secretRef.key(), bytes, problems);
    }

    /**
     * A Secret value as an env file line can hold it: valid UTF-8 without line breaks. Anything else is a
     * problem that names the key, never the value.
     */
    private static Value secretValue(Secret secret, String key, byte[] bytes, List<String> problems) {
        String where = "secret \"" + secret.metadata().name() + "\" key \"" + key + "\"";
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                problems.add(where + " has a line break and cannot be an environment variable; mount it as a file");
                return null;
            }
            return new Value(text, true);
        } catch (CharacterCodingException e) {
            problems.add(where + " is not UTF-8 text and cannot be an environment variable; mount it as a file");
            return null;
        }
    }

    private static boolean optional(Boolean optional) {
        return Boolean.TRUE.equals(optional);
    }
}
