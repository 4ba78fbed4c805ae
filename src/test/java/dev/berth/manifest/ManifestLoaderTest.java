package dev.berth.manifest;

import dev.berth.model.Container;
import dev.berth.model.Deployment;
import dev.berth.model.IntOrString;
import dev.berth.model.Probe;
import dev.berth.model.Resource;
import dev.berth.model.Secret;
import dev.berth.model.Service;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Normalization: what berth fills in, as Kubernetes would. */
class ManifestLoaderTest {

    static ManifestSet load(String yaml) {
        return new ManifestLoader().load(new InputFiles.Read(
                List.of(new ManifestInput("m.yaml", yaml.getBytes(StandardCharsets.UTF_8))), List.of()));
    }

    static Resource only(String yaml) {
        ManifestSet set = load(yaml);
        assertThat(set.errors()).isEmpty();
        return set.resources().get(0);
    }

    static String deployment(String image, String containerExtra) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                        - name: web
                          image: %s
                %s""".formatted(image, containerExtra.indent(10));
    }

    @Nested
    class Deployments {
        @Test
        void defaultsMatchKubernetes() {
            Deployment deployment = (Deployment) only(deployment("app:v1", ""));

            assertThat(deployment.metadata().namespace()).isEqualTo("default");
            Deployment.Spec spec = deployment.spec();
            assertThat(spec.replicas()).isEqualTo(1);
            assertThat(spec.strategy()).isEqualTo(new Deployment.Strategy("RollingUpdate",
                    new Deployment.RollingUpdate(IntOrString.of("25%"), IntOrString.of("25%"))));
            assertThat(spec.revisionHistoryLimit()).isEqualTo(10);
            assertThat(spec.progressDeadlineSeconds()).isEqualTo(600);
            assertThat(spec.minReadySeconds()).isZero();
            assertThat(spec.template().spec().terminationGracePeriodSeconds()).isEqualTo(30);
            assertThat(spec.template().spec().restartPolicy()).isEqualTo("Always");
        }

        @ParameterizedTest(name = "{0} is pulled {1}")
        @CsvSource({"app, Always", "app:latest, Always", "registry:5000/app, Always", "registry:5000/app:v1, IfNotPresent",
                "app@sha256:abc, IfNotPresent"})
        void pullPolicyFollowsTheTag(String image, String policy) {
            Deployment deployment = (Deployment) only(deployment(image, ""));

            assertThat(deployment.spec().template().spec().containers().get(0).imagePullPolicy()).isEqualTo(policy);
        }

        @Test
        void portsAndProbesGetTheirDefaults() {
            Deployment deployment = (Deployment) only(deployment("app:v1", """
                    ports: [{containerPort: 8080}]
                    livenessProbe: {httpGet: {port: 8080}}
                    """));

            Container container = deployment.spec().template().spec().containers().get(0);
            assertThat(container.ports()).containsExactly(new Container.Port(null, 8080, null, "TCP"));
            assertThat(container.livenessProbe()).isEqualTo(new Probe(
                    new Probe.HttpGet("/", IntOrString.of(8080), "HTTP"), null, null, 0, 10, 1, 1, 3));
        }

        @Test
        void httpProbesKeepTheirHeadersInOrder() {
            Deployment deployment = (Deployment) only(deployment("app:v1", """
                    ports: [{name: http, containerPort: 8080}]
                    readinessProbe:
                      httpGet:
                        path: /ready?full=1
                        port: http
                        httpHeaders: [{name: Host, value: web.example.com}, {name: X-Probe, value: ""}]
                    """));

            Probe.HttpGet http = deployment.spec().template().spec().containers().get(0).readinessProbe().httpGet();
            assertThat(http).isEqualTo(new Probe.HttpGet("/ready?full=1", IntOrString.of("http"), "HTTP",
                    List.of(new Probe.HttpHeader("Host", "web.example.com"), new Probe.HttpHeader("X-Probe", ""))));
        }
    }

    @Nested
    class Services {
        @Test
        void targetPortDefaultsToThePortAndTypeToClusterIp() {
            Service service = (Service) only("""
                    apiVersion: v1
                    kind: Service
                    metadata: {name: web}
                    spec:
                      selector: {app: web}
                      ports: [{port: 80}]
                    """);

            assertThat(service.spec().type()).isEqualTo("ClusterIP");
            assertThat(service.spec().ports()).containsExactly(
                    new Service.Port(null, "TCP", 80, IntOrString.of(80), null));
        }
    }

    @Nested
    class Secrets {
        @Test
        void stringDataIsMergedIntoDataAndNeverPrinted() {
            Secret secret = (Secret) only("""
                    apiVersion: v1
                    kind: Secret
                    metadata: {name: db}
                    data: {user: YWRtaW4=}
                    stringData: {password: hunter2}
                    """);

            assertThat(secret.type()).isEqualTo("Opaque");
            assertThat(secret.encoded("user")).isEqualTo("YWRtaW4=");
            assertThat(secret.encoded("password")).isEqualTo("aHVudGVyMg==");
            assertThat(secret.redactedData()).containsExactly(
                    java.util.Map.entry("user", "<redacted>"), java.util.Map.entry("password", "<redacted>"));
            assertThat(secret.toString()).doesNotContain("hunter2", "YWRtaW4=");
        }
    }

    @Nested
    class Claims {
        private static final String CLAIM = """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                  annotations:
                    berth.dev/reclaim-policy: %s
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
                """;

        @Test
        void keepTheirVolumeUnlessTheReclaimPolicySaysDelete() {
            assertThat(((dev.berth.model.PersistentVolumeClaim) only(CLAIM.formatted("Delete"))).reclaimPolicy())
                    .isEqualTo("Delete");
            assertThat(((dev.berth.model.PersistentVolumeClaim) only(CLAIM.formatted("Retain"))).reclaimPolicy())
                    .isEqualTo("Retain");
            assertThat(((dev.berth.model.PersistentVolumeClaim) only(CLAIM.replace(
                    "  annotations:\n    berth.dev/reclaim-policy: %s\n", ""))).reclaimPolicy()).isEqualTo("Retain");
        }

        @Test
        void refuseAnotherReclaimPolicyWithItsPlace() {
            ManifestSet set = load(CLAIM.formatted("Recycle"));

            assertThat(set.errors()).extracting(Problem::line).containsExactly("m.yaml:6:31: metadata.annotations."
                    + "berth.dev/reclaim-policy: must be one of Retain, Delete, got \"Recycle\"");
            assertThat(set.objects()).isEmpty();
        }
    }

    @Nested
    class SecretVolumeItems {
        @Test
        void carryTheirOwnMode() {
            Deployment deployment = (Deployment) only(deployment("app:v1", "") + """
                          volumes:
                            - name: creds
                              secret:
                                secretName: db
                                items: [{key: password, path: pw, mode: 0400}, {key: user, path: user}]
                    """);

            assertThat(deployment.spec().template().spec().volumes().get(0).secret().items()).containsExactly(
                    new dev.berth.model.PodSpec.KeyToPath("password", "pw", 0400),
                    new dev.berth.model.PodSpec.KeyToPath("user", "user", null));
        }

        @Test
        void refuseAModeBeyond0777() {
            ManifestSet set = load(deployment("app:v1", "") + """
                          volumes:
                            - name: creds
                              secret: {secretName: db, items: [{key: password, path: pw, mode: 1024}]}
                    """);

            assertThat(set.errors()).extracting(Problem::line).singleElement().asString()
                    .contains("spec.template.spec.volumes[0].secret.items[0].mode: must be");
        }
    }

    @Nested
    class AllProblemsAtOnce {
        @Test
        void everyDocumentOfEveryFileIsChecked() {
            ManifestSet set = load(deployment("app:v1", "ports: [{containerPort: 0}]")
                    + "---\n" + deployment("", "").replace("name: web}", "name: other}"));

            assertThat(set.errors()).extracting(Problem::line).containsExactly(
                    "m.yaml:12:35: spec.template.spec.containers[0].ports[0].containerPort: must be 1-65535, got 0",
                    "m.yaml:23:11: spec.template.spec.containers[0].image: is required");
            assertThat(set.objects()).isEmpty();
        }
    }
}
