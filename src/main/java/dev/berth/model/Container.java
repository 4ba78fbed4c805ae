package dev.berth.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** One container of a replica. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Container(String name, String image, String imagePullPolicy, List<String> command, List<String> args,
                        String workingDir, List<Port> ports, List<EnvVar> env, List<EnvFrom> envFrom,
                        Resources resources, List<VolumeMount> volumeMounts, Probe livenessProbe,
                        Probe readinessProbe, Probe startupProbe) {

    public Container {
        command = Maps.copy(command);
        args = Maps.copy(args);
        ports = Maps.copy(ports);
        env = Maps.copy(env);
        envFrom = Maps.copy(envFrom);
        volumeMounts = Maps.copy(volumeMounts);
    }

    /** A port the container listens on, optionally published on the server. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Port(String name, int containerPort, Integer hostPort, String protocol) {
    }

    /** A variable with a literal value or one taken from a ConfigMap or Secret key. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EnvVar(String name, String value, EnvSource valueFrom) {
    }

    /** Where a variable's value comes from. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EnvSource(KeyRef configMapKeyRef, KeyRef secretKeyRef) {
    }

    /** A key of a named ConfigMap or Secret. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyRef(String name, String key, Boolean optional) {
    }

    /** All keys of a ConfigMap or Secret as variables, optionally prefixed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EnvFrom(String prefix, NameRef configMapRef, NameRef secretRef) {
    }

    /** A named ConfigMap or Secret. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NameRef(String name, Boolean optional) {
    }

    /** CPU and memory: requests for placement, limits enforced by Docker. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Resources(Map<String, Quantity> requests, Map<String, Quantity> limits) {
        public Resources {
            requests = Maps.copy(requests);
            limits = Maps.copy(limits);
        }
    }

    /** A volume of the pod mounted into this container. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record VolumeMount(String name, String mountPath, boolean readOnly, String subPath) {
    }
}
