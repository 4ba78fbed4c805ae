package dev.berth.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import dev.berth.manifest.InputFiles;
import dev.berth.manifest.ManifestInput;
import dev.berth.manifest.ManifestLoader;
import dev.berth.manifest.ManifestSet;
import dev.berth.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * berth's manifests and its {@code get -o yaml|json} read strictly as Kubernetes' own types (fabric8's model):
 * no field Kubernetes does not have, and the same meaning where berth reads them too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesFidelityTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<String> APPLIED = List.of("hello", "postgres", "blog", "worker", "config-mounted",
            "web-app");
    private final AtomicInteger checked = new AtomicInteger();
    private FakeClusterCli fake;

    @BeforeAll
    void examplesApplied(@TempDir Path directory) throws IOException {
        fake = new FakeClusterCli(directory);
        for (String example : APPLIED) {
            CliRunner.Result apply = fake.berth("apply", "-f", "examples/" + example + "/", "--timeout", "0s");
            assertThat(apply.exitCode()).as(apply.toString()).isIn(0, 3);
        }
        fake.clock().advance(Duration.ofSeconds(90));
    }

    @AfterAll
    void reportTheCount() {
        System.out.println("Kubernetes fidelity: " + checked.get() + " objects read strictly as Kubernetes types");
    }

    @Test
    void everyExampleReadsAsKubernetesTypesWithTheMeaningBerthGivesIt() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("examples"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int objects = 0;
        for (Path file : files) {
            ManifestSet berth = new ManifestLoader().load(new InputFiles.Read(
                    List.of(new ManifestInput(file.toString(), Files.readAllBytes(file))), List.of()));
            for (JsonNode document : documents(Files.readString(file))) {
                if (!StrictKubernetesModel.isKubernetes(document)) {
                    continue;
                }
                for (HasMetadata object : StrictKubernetesModel.read(document)) {
                    objects++;
                    if (object instanceof Deployment deployment) {
                        sameAsBerth(deployment, berth);
                    }
                }
            }
        }
        checked.addAndGet(objects);
        assertThat(objects).isGreaterThan(20);
    }

    private static void sameAsBerth(Deployment deployment, ManifestSet berth) {
        dev.berth.model.Deployment read = berth.resources().stream()
                .filter(dev.berth.model.Deployment.class::isInstance).map(dev.berth.model.Deployment.class::cast)
                .filter(d -> d.metadata().name().equals(deployment.getMetadata().getName())).findFirst()
                .orElseThrow();
        int replicas = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        assertThat(read.spec().replicas()).isEqualTo(replicas);
        assertThat(read.spec().template().spec().containers().stream().map(Container::image).toList())
                .isEqualTo(deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                        .map(io.fabric8.kubernetes.api.model.Container::getImage).toList());
        assertThat(read.spec().selector().matchLabels()).isEqualTo(
                deployment.getSpec().getSelector().getMatchLabels() == null ? java.util.Map.of()
                        : deployment.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void theYamlOfEveryDeploymentIsAListOfKubernetesDeploymentsWithTheirStatus() throws IOException {
        List<HasMetadata> objects = printed("get", "deployments", "-A", "-o", "yaml");
        assertThat(objects).isNotEmpty().allMatch(Deployment.class::isInstance);
        Deployment hello = (Deployment) objects.stream().filter(o -> o.getMetadata().getName().equals("hello"))
                .findFirst().orElseThrow();
        assertThat(hello.getSpec().getReplicas()).isEqualTo(2);
        assertThat(hello.getStatus().getReadyReplicas()).isEqualTo(2);
        assertThat(hello.getStatus().getConditions()).extracting("type").containsExactly("Available", "Progressing");
        assertThat(hello.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("berth-registry:5000/berth-hello:v1");
        assertThat(hello.getMetadata().getUid()).isNotBlank();
    }

    @Test
    void theYamlOfEveryPodIsAListOfKubernetesPodsWithTheirNodeAndContainerStatuses() throws IOException {
        List<HasMetadata> objects = printed("get", "pods", "-A", "-o", "yaml");
        assertThat(objects).isNotEmpty().allMatch(Pod.class::isInstance);
        Pod pod = (Pod) objects.stream().filter(o -> o.getMetadata().getName().equals("hello-2bbc5fece9-ckc87"))
                .findFirst().orElseThrow();
        assertThat(pod.getSpec().getNodeName()).isEqualTo("node-1");
        assertThat(pod.getStatus().getHostIP()).isEqualTo("10.0.0.11");
        assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
        ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
        assertThat(status.getName()).isEqualTo("hello");
        assertThat(status.getReady()).isTrue();
        assertThat(status.getRestartCount()).isZero();
        assertThat(status.getState().getRunning()).isNotNull();
    }

    @Test
    void oneObjectAsJsonIsTheKubernetesObjectItself() throws IOException {
        List<HasMetadata> deployment = printed("get", "deployment", "hello", "-o", "json");
        assertThat(deployment).singleElement().isInstanceOf(Deployment.class);
        List<HasMetadata> pod = printed("get", "pod", "hello-2bbc5fece9-stl2j", "-o", "json");
        assertThat(((Pod) pod.get(0)).getSpec().getNodeName()).isEqualTo("node-2");
    }

    @Test
    void theStoredKindsAreKubernetesObjectsToo() throws IOException {
        List<HasMetadata> objects = printed("get", "cm,secrets,pvc,ns", "-A", "-o", "yaml");
        assertThat(objects).extracting(HasMetadata::getKind)
                .contains("ConfigMap", "Secret", "PersistentVolumeClaim", "Namespace");
    }

    @Test
    void theEventsAreKubernetesEventsOfTheirObjects() throws IOException {
        List<HasMetadata> objects = printed("get", "events", "-A", "-o", "yaml");
        assertThat(objects).isNotEmpty().allMatch(Event.class::isInstance);
        Event started = objects.stream().map(Event.class::cast)
                .filter(e -> e.getReason().equals("Started") && e.getInvolvedObject().getName()
                        .equals("hello-2bbc5fece9-ckc87")).findFirst().orElseThrow();
        assertThat(started.getType()).isEqualTo("Normal");
        assertThat(started.getInvolvedObject().getKind()).isEqualTo("Pod");
        assertThat(started.getInvolvedObject().getNamespace()).isEqualTo("default");
        assertThat(started.getSource().getComponent()).isEqualTo("berth");
        assertThat(started.getSource().getHost()).isEqualTo("node-1");
        assertThat(started.getCount()).isEqualTo(1);
        assertThat(started.getMessage()).isEqualTo("Started container hello");
        assertThat(started.getFirstTimestamp()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(started.getMetadata().getName()).startsWith("hello-2bbc5fece9-ckc87.");
        assertThat(objects).map(Event.class::cast).anyMatch(e -> e.getReason().equals("ScalingReplicaSet")
                && e.getInvolvedObject().getKind().equals("Deployment")
                && e.getInvolvedObject().getApiVersion().equals("apps/v1"));
    }

    @Test
    void aReplicaWhoseImageCannotBePulledIsAPodWaitingWithErrImagePull(@TempDir Path directory) throws IOException {
        FakeClusterCli unpullable = new FakeClusterCli(directory);
        unpullable.cluster().image("berth-registry:5000/berth-hello:v1").notInRegistry();
        assertThat(unpullable.berth("apply", "-f", "examples/hello/").exitCode()).isEqualTo(3);

        CliRunner.Result pods = unpullable.berth("get", "pods", "-o", "yaml");
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode document : documents(pods.out())) {
            objects.addAll(StrictKubernetesModel.read(document));
        }
        checked.addAndGet(objects.size());

        assertThat(objects).hasSize(2).allSatisfy(object -> {
            Pod pod = (Pod) object;
            assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
            assertThat(pod.getSpec().getNodeName()).startsWith("node-");
            assertThat(pod.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason())
                    .isEqualTo("ErrImagePull");
            assertThat(pod.getStatus().getContainerStatuses().get(0).getState().getWaiting().getMessage())
                    .contains("manifest for berth-registry:5000/berth-hello:v1 not found");
        });
    }

    @Test
    void aFieldKubernetesDoesNotHaveFailsTheCheck() throws IOException {
        JsonNode unknown = documents("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  nodeName: node-1
                  containers: [{name: c, image: i, restarts: 3}]
                """).get(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StrictKubernetesModel.read(unknown))
                .isInstanceOf(AssertionError.class).hasMessageContaining("restarts");
    }

    @Test
    void theYamlOfEveryClaimIsAListOfKubernetesClaimsWithTheirPhase(@TempDir Path directory) throws IOException {
        Path bound = Files.writeString(directory.resolve("bound.yaml"), dev.berth.cli.converge.ClaimsOnFakeClusterTest
                .manifests("Delete").replace("name: data", "name: fidelity-data").replace("claimName: data",
                        "claimName: fidelity-data").replace("name: db", "name: fidelity-db"));
        CliRunner.Result apply = fake.berth("apply", "-f", bound.toString());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();

        List<HasMetadata> objects = printed("get", "pvc", "-A", "-o", "yaml");

        assertThat(objects).hasSizeGreaterThan(1).allMatch(io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class::isInstance);
        assertThat(objects).map(o -> (io.fabric8.kubernetes.api.model.PersistentVolumeClaim) o)
                .allSatisfy(claim -> assertThat(claim.getStatus().getPhase()).isIn("Bound", "Pending"))
                .anySatisfy(claim -> {
                    assertThat(claim.getMetadata().getName()).isEqualTo("fidelity-data");
                    assertThat(claim.getStatus().getPhase()).isEqualTo("Bound");
                    assertThat(claim.getStatus().getCapacity().get("storage").toString()).isEqualTo("1Gi");
                    assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
                    assertThat(claim.getMetadata().getAnnotations()).containsEntry("berth.dev/reclaim-policy", "Delete");
                });
        List<HasMetadata> one = printed("get", "pvc", "fidelity-data", "-o", "json");
        assertThat(one).singleElement().isInstanceOf(io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class);
    }

    private List<HasMetadata> printed(String... args) throws IOException {
        CliRunner.Result result = fake.berth(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode document : documents(result.out())) {
            objects.addAll(StrictKubernetesModel.read(document));
        }
        checked.addAndGet(objects.size());
        return objects;
    }

    private static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> read = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (read.hasNext()) {
                JsonNode document = read.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }
}
