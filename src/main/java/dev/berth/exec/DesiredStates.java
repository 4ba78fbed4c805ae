package dev.berth.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.error.ClusterException;
import dev.berth.manifest.ManifestSet;
import dev.berth.manifest.Problem;
import dev.berth.model.ConfigMap;
import dev.berth.model.Deployment;
import dev.berth.model.PersistentVolumeClaim;
import dev.berth.model.Resource;
import dev.berth.model.Secret;
import dev.berth.model.Service;
import dev.berth.model.Ingress;
import dev.berth.plan.DesiredState;
import dev.berth.plan.Plan;
import dev.berth.plan.Revision;
import dev.berth.state.StateRecord;
import dev.berth.state.StoredDeployments;
import dev.berth.state.StoredRevision;
import dev.berth.state.StoredManifests;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Between the stored record and the planner: the desired objects it holds, and the revisions a plan assigned. */
public final class DesiredStates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DesiredStates() {
    }

    /** The objects of the record; a record that does not load is reported, never half-used. */
    public static List<Resource> objects(StateRecord record) {
        ManifestSet set = StoredManifests.decode(record);
        List<Problem> errors = set.errors();
        if (!errors.isEmpty()) {
            throw new ClusterException("the desired state stored on the cluster does not load (" + errors.get(0).line()
                    + "); apply the manifests again to replace it");
        }
        return set.resources();
    }

    public static DesiredState of(List<Resource> objects) {
        return new DesiredState(
                objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).toList(),
                objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast).toList(),
                objects.stream().filter(Secret.class::isInstance).map(Secret.class::cast).toList(),
                objects.stream().filter(PersistentVolumeClaim.class::isInstance).map(PersistentVolumeClaim.class::cast)
                        .toList(),
                objects.stream().filter(Service.class::isInstance).map(Service.class::cast).toList(),
                objects.stream().filter(Ingress.class::isInstance).map(Ingress.class::cast).toList());
    }

    /** The newest stored revision of every Deployment, as the planner takes them. */
    public static Map<String, Revision> revisions(StateRecord record) {
        Map<String, Revision> revisions = new LinkedHashMap<>();
        record.revisions().forEach((deployment, history) -> {
            if (!history.isEmpty()) {
                StoredRevision newest = history.get(history.size() - 1);
                revisions.put(deployment, new Revision(newest.number(), newest.specHash()));
            }
        });
        return revisions;
    }

    /**
     * The record with a revision for every template the plan runs that is not yet the newest stored one. A new
     * revision's change cause is the Deployment's {@value StoredDeployments#CHANGE_CAUSE} annotation, else
     * {@code commandLine}: the berth command that changed the template, as kubectl's {@code --record} kept it
     * ({@code null} keeps the cause of a template rolled out before, as a rollback does).
     */
    public static StateRecord withRevisions(StateRecord record, DesiredState desired, Plan plan, Instant now,
                                            String commandLine) {
        StateRecord next = record;
        for (Deployment deployment : desired.deployments()) {
            String key = DesiredState.key(deployment);
            Revision revision = plan.revisions().get(key);
            List<StoredRevision> history = next.revisions(key);
            boolean known = !history.isEmpty()
                    && history.get(history.size() - 1).specHash().equals(revision == null ? "" : revision.specHash());
            if (revision != null && !known) {
                JsonNode template = JSON.valueToTree(deployment.spec().template());
                String cause = deployment.metadata().annotations().getOrDefault(StoredDeployments.CHANGE_CAUSE,
                        commandLine);
                next = next.withRevision(key, revision.specHash(), template, cause, now,
                        deployment.spec().revisionHistoryLimit());
            }
        }
        for (String key : record.revisions().keySet()) {
            boolean desiredStill = desired.deployments().stream().anyMatch(d -> DesiredState.key(d).equals(key));
            if (!desiredStill) {
                next = next.withoutRevisions(key);
            }
        }
        return next;
    }

    /** Whether two records would store the same desired state, revisions and cordons. */
    public static boolean sameContent(StateRecord a, StateRecord b) {
        return a.applied().equals(b.applied()) && a.revisions().equals(b.revisions())
                && a.cordoned().equals(b.cordoned()) && a.claims().equals(b.claims());
    }
}
