package dev.berth.cli.rollout;

import dev.berth.manifest.InputFiles;
import dev.berth.manifest.ManifestInput;
import dev.berth.manifest.ManifestLoader;
import dev.berth.manifest.ManifestSet;
import dev.berth.model.Container;
import dev.berth.model.Deployment;
import dev.berth.model.PodSpec;
import dev.berth.model.Resource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** kubectl's {@code Pod Template:} view, field by field, of a template that uses every part berth supports. */
class PodTemplatePageTest {
    private static final String API = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api}
            spec:
              selector:
                matchLabels: {app: api}
              template:
                metadata:
                  labels: {app: api, tier: back}
                  annotations: {team: payments}
                spec:
                  nodeSelector: {zone: a}
                  containers:
                    - name: api
                      image: registry.example/api:2.1
                      command: [/bin/api]
                      args: [--port, "8080"]
                      ports:
                        - {name: http, containerPort: 8080}
                        - {containerPort: 9090, hostPort: 9090}
                      resources:
                        requests: {cpu: 250m, memory: 128Mi}
                        limits: {memory: 256Mi}
                      livenessProbe:
                        httpGet: {path: /healthz, port: http}
                      readinessProbe:
                        tcpSocket: {port: 8080}
                        periodSeconds: 5
                      startupProbe:
                        exec: {command: [cat, /tmp/started]}
                        failureThreshold: 30
                      envFrom:
                        - configMapRef: {name: api-config}
                        - secretRef: {name: api-secrets}
                          prefix: SECRET_
                      env:
                        - {name: MODE, value: live}
                        - name: PASSWORD
                          valueFrom:
                            secretKeyRef: {name: api-secrets, key: password}
                        - name: LEVEL
                          valueFrom:
                            configMapKeyRef: {name: api-config, key: level, optional: true}
                      volumeMounts:
                        - {name: data, mountPath: /var/lib/api}
                        - {name: config, mountPath: /etc/api, readOnly: true}
                        - {name: scratch, mountPath: /tmp/api, subPath: cache}
                  volumes:
                    - name: data
                      persistentVolumeClaim: {claimName: api-data}
                    - name: config
                      configMap: {name: api-config}
                    - name: scratch
                      emptyDir: {}
                    - name: certs
                      secret: {secretName: api-secrets}
                    - name: logs
                      hostPath: {path: /var/log/api, type: DirectoryOrCreate}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: api-config}
            data: {level: info}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: api-secrets}
            stringData: {password: hunter2}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: api-data}
            spec:
              accessModes: [ReadWriteOnce]
              resources:
                requests: {storage: 1Gi}
            """;

    private static Deployment.PodTemplate template() {
        ManifestSet set = new ManifestLoader().load(new InputFiles.Read(
                List.of(new ManifestInput("api.yaml", API.getBytes(StandardCharsets.UTF_8))), List.of()));
        assertThat(set.errors()).isEmpty();
        List<Resource> resources = set.resources();
        return resources.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst()
                .orElseThrow().spec().template();
    }

    @Test
    void showsEveryPartOfTheTemplateAsKubectlDescribesIt() {
        assertThat(PodTemplatePage.render(template(), "berth apply -f api.yaml")).isEqualTo("""
                Pod Template:
                  Labels:       app=api
                                tier=back
                  Annotations:  kubernetes.io/change-cause: berth apply -f api.yaml
                                team: payments
                  Containers:
                   api:
                    Image:       registry.example/api:2.1
                    Ports:       8080/TCP, 9090/TCP
                    Host Ports:  0/TCP, 9090/TCP
                    Command:
                      /bin/api
                    Args:
                      --port
                      8080
                    Limits:
                      memory:  256Mi
                    Requests:
                      cpu:      250m
                      memory:   128Mi
                    Liveness:   http-get http://:http/healthz delay=0s timeout=1s period=10s #success=1 #failure=3
                    Readiness:  tcp-socket :8080 delay=0s timeout=1s period=5s #success=1 #failure=3
                    Startup:    exec [cat /tmp/started] delay=0s timeout=1s period=10s #success=1 #failure=30
                    Environment Variables from:
                      api-config   ConfigMap                     Optional: false
                      api-secrets  Secret with prefix 'SECRET_'  Optional: false
                    Environment:
                      MODE:      live
                      PASSWORD:  <set to the key 'password' in secret 'api-secrets'>  Optional: false
                      LEVEL:     <set to the key 'level' of config map 'api-config'>  Optional: true
                    Mounts:
                      /etc/api from config (ro)
                      /tmp/api from scratch (rw,path="cache")
                      /var/lib/api from data (rw)
                  Volumes:
                   data:
                    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)
                    ClaimName:  api-data
                    ReadOnly:   false
                   config:
                    Type:      ConfigMap (a volume populated by a ConfigMap)
                    Name:      api-config
                    Optional:  false
                   scratch:
                    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
                    Medium:
                    SizeLimit:  <unset>
                   certs:
                    Type:        Secret (a volume populated by a Secret)
                    SecretName:  api-secrets
                    Optional:    false
                   logs:
                    Type:          HostPath (bare host directory volume)
                    Path:          /var/log/api
                    HostPathType:  DirectoryOrCreate
                  Node-Selectors:  zone=a
                """);
    }

    @Test
    void neverShowsASecretsValue() {
        assertThat(PodTemplatePage.render(template(), null)).doesNotContain("hunter2")
                .doesNotContain("kubernetes.io/change-cause");
    }

    @Test
    void saysNoneForAContainerWithoutPortsEnvironmentOrMounts() {
        Container bare = new Container("bare", "busybox:1", "IfNotPresent", List.of(), List.of(), null, List.of(),
                List.of(), List.of(), null, List.of(), null, null, null);
        Deployment.PodTemplate template = new Deployment.PodTemplate(new Deployment.TemplateMeta(null, null),
                new PodSpec(List.of(bare), List.of(), null, "Always", 30));

        assertThat(PodTemplatePage.render(template, null)).isEqualTo("""
                Pod Template:
                  Labels:  <none>
                  Containers:
                   bare:
                    Image:         busybox:1
                    Port:          <none>
                    Host Port:     <none>
                    Environment:   <none>
                    Mounts:        <none>
                  Volumes:         <none>
                  Node-Selectors:  <none>
                """);
    }
}
