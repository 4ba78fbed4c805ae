package dev.berth.cli.observe;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.OutputFormat;
import dev.berth.cli.output.Printer;
import dev.berth.exec.ClusterPicture;
import dev.berth.exec.ClusterViews;
import dev.berth.exec.DesiredStates;
import dev.berth.exec.NodeObservation;
import dev.berth.model.BerthLabels;
import dev.berth.model.Cluster;
import dev.berth.model.EngineFacts;
import dev.berth.model.NodeSnapshot;
import dev.berth.model.ObservedContainer;
import dev.berth.model.ObservedPod;
import dev.berth.plan.DesiredState;
import dev.berth.plan.Plan;
import dev.berth.plan.Planner;
import dev.berth.plan.PodNames;
import dev.berth.state.StateRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * get pods, get deployments and describe deployment over a planned picture: one node with 1536Mi of memory,
 * a Deployment of three replicas asking 1Gi each, one of which runs.
 */
class PendingReplicasListingTest {
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    static final String WEB = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\","
            + "\"labels\":{\"tier\":\"front\"}},\"spec\":{\"replicas\":3,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},"
            + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"app\","
            + "\"image\":\"busybox:1.36\",\"resources\":{\"requests\":{\"memory\":\"1Gi\"}}}]}}}}";

    final StateRecord record = StateRecord.empty()
            .withApplied(new TreeMap<>(Map.of("Deployment/default/web", WEB)));
    final DesiredState desired = DesiredStates.of(DesiredStates.objects(record));
    final String hash = plan(List.of()).revisions().get("default/web").specHash();
    final StateRecord stored = DesiredStates.withRevisions(record, desired, plan(List.of()),
            NOW.minusSeconds(300), null);
    final ClusterPicture picture = picture(List.of(replica("web-" + hash + "-a1b2c")));

    Plan plan(List<ObservedContainer> containers) {
        return new Planner(PodNames.random()).plan(desired, ClusterViews.of(List.of(node(containers)), Set.of()),
                DesiredStates.revisions(record));
    }

    ClusterPicture picture(List<ObservedContainer> containers) {
        return new ClusterPicture(List.of(node(containers)), Optional.of(stored), "", desired, plan(containers));
    }

    static NodeObservation node(List<ObservedContainer> containers) {
        Cluster.Node node = new Cluster.Node("node-1", "10.0.0.11", null, null, Map.of(), List.of(), null);
        EngineFacts engine = new EngineFacts("node-1", "27.0.1", "Debian", "6.1", "x86_64", 2, 1536L << 20, 1, 1);
        return new NodeObservation(node, NodeObservation.NodeStatus.READY,
                new NodeSnapshot(engine, containers, "/home/deploy", List.of()), "");
    }

    ObservedContainer replica(String pod) {
        return new ObservedContainer("c0ffee00c0ffee", "default_" + pod + "_app", "busybox:1.36",
                Map.of(BerthLabels.MANAGED, "true", BerthLabels.NAMESPACE, "default", BerthLabels.DEPLOYMENT, "web",
                        BerthLabels.POD, pod, BerthLabels.CONTAINER, "app", BerthLabels.SPEC_HASH, hash,
                        BerthLabels.MEMORY_REQUEST, String.valueOf(1L << 30), "app", "web"),
                "running", 0, false, null, 0, NOW.minusSeconds(60), NOW.minusSeconds(60), null, Map.of(), List.of());
    }

    static String table(Listing listing) {
        StringWriter out = new StringWriter();
        Printer.forFormat(OutputFormat.TABLE).print(listing, new PrintWriter(out), new PrintWriter(new StringWriter()));
        return out.toString();
    }

    @Nested
    class GetPods {
        @Test
        void listsEachPendingReplicaAfterTheRunningOnesWithoutANode() {
            List<ObservedPod> running = ObservedPod.group("node-1", List.of(replica("web-" + hash + "-a1b2c")));
            Listing listing = PodListing.of(running, GetCommand.pendingPods(picture),
                    Map.of("node-1", "10.0.0.11"), false, NOW);
            assertThat(table(listing)).isEqualTo(String.join("\n",
                    "NAME                       READY   STATUS    RESTARTS   AGE      NODE",
                    "web-" + hash + "-a1b2c       1/1     Running   0          60s      node-1",
                    "web-" + hash + "-pending-1   0/1     Pending   0          <none>   <none>",
                    "web-" + hash + "-pending-2   0/1     Pending   0          <none>   <none>", ""));
        }

        @Test
        void aReplicaWhoseReadinessProbeFailsRunsButIsNotReadyAndDescribeSaysWhatTheProbeSaw() {
            ObservedContainer failing = replica("web-" + hash + "-a1b2c")
                    .withHealth("unhealthy", "HTTP probe failed with statuscode: 500");
            List<ObservedPod> running = ObservedPod.group("node-1", List.of(failing));

            assertThat(table(PodListing.of(running, Map.of("node-1", "10.0.0.11"), false, NOW))).isEqualTo(
                    String.join("\n",
                            "NAME                   READY   STATUS    RESTARTS   AGE   NODE",
                            "web-" + hash + "-a1b2c   0/1     Running   0          60s   node-1", ""));
            assertThat(DescribeCommand.pod(running.get(0), "10.0.0.11", List.of(), NOW)).contains(
                    "    Health:    unhealthy\n    Probe:     HTTP probe failed with statuscode: 500\n");
        }

        @Test
        void theJsonOfAPendingReplicaCarriesTheReason() {
            Listing listing = PodListing.of(List.of(), GetCommand.pendingPods(picture), Map.of(), false, NOW);
            com.fasterxml.jackson.databind.JsonNode document = (com.fasterxml.jackson.databind.JsonNode)
                    listing.items().get(0).object();
            assertThat(document.at("/status/phase").asText()).isEqualTo("Pending");
            assertThat(document.at("/spec/nodeName").isMissingNode()).isTrue();
            assertThat(document.at("/status/conditions/0/message").asText())
                    .isEqualTo("0/1 nodes fit: 1 insufficient memory");
        }
    }

    @Nested
    class GetDeployments {
        @Test
        void readyIsReadyReplicasOfTheCurrentTemplateOverDesired() {
            Listing listing = DeploymentListing.of(DeploymentStatus.of(picture), false, NOW);
            assertThat(table(listing)).isEqualTo(String.join("\n",
                    "NAME   READY   UP-TO-DATE   AVAILABLE   AGE",
                    "web    1/3     1            1           5m", ""));
        }

        @Test
        void replicasOfAnOlderTemplateAreAvailableButNotUpToDate() {
            ObservedContainer old = replica("web-0ld0ld0ld-zzzzz");
            Map<String, String> labels = new TreeMap<>(old.labels());
            labels.put(BerthLabels.SPEC_HASH, "0ld0ld0ld");
            ObservedContainer older = new ObservedContainer(old.id(), old.name(), old.image(), labels, old.status(),
                    0, false, null, 0, old.createdAt(), old.startedAt(), null, Map.of(), List.of());
            DeploymentStatus status = DeploymentStatus.of(picture(List.of(older))).get(0);
            assertThat(List.of(status.ready(), status.updated(), status.available(), status.total()))
                    .containsExactly(0, 0, 1, 1);
        }
    }

    @Nested
    class DescribeDeployment {
        @Test
        void showsTheCountsTheRevisionWhyReplicasArePendingThePodTemplateAndTheConditions() {
            String page = DeploymentPage.render(DeploymentStatus.of(picture).get(0), List.of(), NOW);
            assertThat(page).isEqualTo(String.join("\n",
                    "Name:      web",
                    "Namespace: default",
                    "Age:       5m",
                    "Labels:    tier=front",
                    "Selector:  app=web",
                    "Replicas:  3 desired | 1 updated | 1 total | 1 available | 2 unavailable | 2 pending",
                    "Strategy:  RollingUpdate (max surge 25%, max unavailable 25%)",
                    "Revision:  1",
                    "Images:    busybox:1.36",
                    "Pending:   0/1 nodes fit: 1 insufficient memory (2 replicas)",
                    "Pod Template:",
                    "  Labels:  app=web",
                    "  Containers:",
                    "   app:",
                    "    Image:      busybox:1.36",
                    "    Port:       <none>",
                    "    Host Port:  <none>",
                    "    Requests:",
                    "      memory:      1Gi",
                    "    Environment:   <none>",
                    "    Mounts:        <none>",
                    "  Volumes:         <none>",
                    "  Node-Selectors:  <none>",
                    "Conditions:",
                    "  Type         Status  Reason",
                    "  ----         ------  ------",
                    "  Available    False   MinimumReplicasUnavailable",
                    "  Progressing  True    ReplicaSetUpdated",
                    "Events:  <none>", ""));
        }

        @Test
        void describesAPendingReplicaWithItsReason() {
            String page = DeploymentPage.pending(GetCommand.pendingPods(picture).get(0), List.of(), NOW);
            assertThat(page).contains("Name:       web-" + hash + "-pending-1\n", "Node:       <none>\n",
                    "Status:     Pending\n", "Reason:     0/1 nodes fit: 1 insufficient memory\n");
        }
    }
}
