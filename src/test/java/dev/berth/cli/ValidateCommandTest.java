package dev.berth.cli;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: "registry/app:v1", ports: [{containerPort: 8080}]}]
            """;
    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{port: 80, targetPort: 8080}]
            """;

    @TempDir
    Path directory;

    private CliRunner berth() {
        return new CliRunner().workingDirectory(directory);
    }

    private void write(String name, String text) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Nested
    class Output {
        @Test
        void printsOneLinePerObject() throws IOException {
            write("app.yaml", DEPLOYMENT + "---\n" + SERVICE);

            CliRunner.Result result = berth().run("validate", "-f", "app.yaml");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("""
                    KIND         NAMESPACE   NAME   SUMMARY
                    Deployment   default     web    3 replicas, image registry/app:v1
                    Service      default     web    ClusterIP 80/TCP
                    """);
            assertThat(result.err()).isEmpty();
        }

        @Test
        void namesObjectsLikeKubectl() throws IOException {
            write("app.yaml", DEPLOYMENT + "---\n" + SERVICE);

            assertThat(berth().run("validate", "-f", "app.yaml", "-o", "name").out())
                    .isEqualTo("deployment.apps/web\nservice/web\n");
        }

        @Test
        void printsJsonAsAList() throws IOException {
            write("app.yaml", SERVICE);

            CliRunner.Result result = berth().run("validate", "-f", "app.yaml", "-o", "json");

            assertThat(result.out()).startsWith("{\n  \"apiVersion\" : \"v1\",\n  \"kind\" : \"List\"")
                    .contains("\"targetPort\" : 8080", "\"protocol\" : \"TCP\"", "\"type\" : \"ClusterIP\"");
        }

        @Test
        void fillsInKubernetesDefaults() throws IOException {
            write("app.yaml", DEPLOYMENT);

            String yaml = berth().run("validate", "-f", "app.yaml", "-o", "yaml").out();

            assertThat(yaml).contains("  namespace: default\n", "    type: RollingUpdate\n",
                    "      maxSurge: 25%\n", "      maxUnavailable: 25%\n", "  minReadySeconds: 0\n",
                    "  revisionHistoryLimit: 10\n", "  progressDeadlineSeconds: 600\n",
                    "        imagePullPolicy: IfNotPresent\n", "      restartPolicy: Always\n",
                    "      terminationGracePeriodSeconds: 30\n");
        }
    }

    @Nested
    class Inputs {
        @Test
        void readsStandardInput() {
            CliRunner.Result result = berth().stdin(SERVICE).run("validate", "-f", "-", "-o", "name");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("service/web\n");
        }

        @Test
        void readsTheManifestFilesOfADirectoryButNotItsSubdirectories() throws IOException {
            write("app/b.yaml", SERVICE);
            write("app/a.yml", DEPLOYMENT);
            write("app/notes.txt", "not a manifest");
            write("app/nested/c.json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\"}}");

            assertThat(berth().run("validate", "-f", "app", "-o", "name").out())
                    .isEqualTo("deployment.apps/web\nservice/web\n");
            assertThat(berth().run("validate", "-f", "app", "-R", "-o", "name").out())
                    .isEqualTo("deployment.apps/web\nservice/web\nconfigmap/c\n");
        }

        @Test
        void reportsFilesInADirectoryByTheirPathAsGiven() throws IOException {
            write("app/bad.yaml", SERVICE.replace("port: 80", "port: 0"));

            CliRunner.Result result = berth().run("validate", "-f", "app/");

            assertThat(result.err()).startsWith("app/bad.yaml:6:18: spec.ports[0].port: must be 1-65535, got 0\n");
        }

        @Test
        void missingPathIsAnError() {
            CliRunner.Result result = berth().run("validate", "-f", "nowhere.yaml");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("error: the path \"nowhere.yaml\" does not exist\n");
        }

        @Test
        void fileWithoutObjectsIsAnError() throws IOException {
            write("empty.yaml", "# nothing here\n---\n");

            CliRunner.Result result = berth().run("validate", "-f", "empty.yaml");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("error: no objects found in the given files\n");
        }

        @Test
        void withoutFilenameIsAUsageError() {
            CliRunner.Result result = berth().run("validate");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: Missing required option: '--filename=PATH'");
        }
    }

    @Nested
    class Problems {
        @Test
        void reportsProblemsOfEveryFileInTheOrderGiven() throws IOException {
            write("b.yaml", SERVICE.replace("name: web", "name: Web"));
            write("a.yaml", DEPLOYMENT.replace("replicas: 3", "replicas: -3"));

            CliRunner.Result result = berth().run("validate", "-f", "b.yaml", "-f", "a.yaml");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).isEqualTo("""
                    b.yaml:3:18: metadata.name: must be a DNS-1035 label (at most 63 lowercase letters, digits \
                    and '-', starting with a letter and ending with a letter or digit), got "Web"
                    a.yaml:5:13: spec.replicas: must be >= 0, got -3
                    error: 2 problems in 2 files; nothing was touched
                    """);
        }

        @Test
        void reportsDuplicatesAcrossFilesWithBothPlaces() throws IOException {
            write("a.yaml", SERVICE);
            write("b.yaml", SERVICE);

            CliRunner.Result result = berth().run("validate", "-f", "a.yaml", "-f", "b.yaml");

            assertThat(result.err()).isEqualTo("b.yaml:3:18: metadata.name: duplicate Service \"default/web\", "
                    + "first defined at a.yaml:1:1\nerror: 1 problem in 1 file; nothing was touched\n");
        }

        @Test
        void sameNameInAnotherNamespaceIsNoDuplicate() throws IOException {
            write("a.yaml", DEPLOYMENT + "---\n" + DEPLOYMENT.replace("{name: web}", "{name: web, namespace: other}"));

            assertThat(berth().run("validate", "-f", "a.yaml").exitCode()).isZero();
        }
    }

    @Nested
    class Warnings {
        @Test
        void serviceSelectingNoDeploymentIsAWarningOnly() throws IOException {
            write("svc.yaml", SERVICE);

            CliRunner.Result result = berth().run("validate", "-f", "svc.yaml");

            assertThat(result.exitCode()).isZero();
            assertThat(result.err()).isEqualTo("warning: svc.yaml:5:13: spec.selector: selects no Deployment of "
                    + "namespace \"default\" in these files\n");
            assertThat(result.out()).contains("Service   default     web    ClusterIP 80/TCP");
        }

        @Test
        void missingReferencedObjectsAreWarnings() throws IOException {
            write("app.yaml", """
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
                              image: app:v1
                              envFrom: [{secretRef: {name: web-env}}, {configMapRef: {name: opt, optional: true}}]
                          volumes: [{name: data, persistentVolumeClaim: {claimName: web-data}}]
                    ---
                    apiVersion: networking.k8s.io/v1
                    kind: Ingress
                    metadata: {name: web}
                    spec:
                      rules:
                        - http:
                            paths:
                              - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                    """);

            CliRunner.Result result = berth().run("validate", "-f", "app.yaml");

            assertThat(result.exitCode()).isZero();
            assertThat(result.err()).isEqualTo("""
                    warning: app.yaml:12:40: spec.template.spec.containers[0].envFrom[0].secretRef.name: Secret \
                    "web-env" is not in these files; it must exist on the cluster
                    warning: app.yaml:13:65: spec.template.spec.volumes[0].persistentVolumeClaim.claimName: \
                    PersistentVolumeClaim "web-data" is not in these files; it must exist on the cluster
                    warning: app.yaml:22:67: spec.rules[0].http.paths[0].backend.service.name: Service "web" is not \
                    in these files
                    """);
        }
    }
}
