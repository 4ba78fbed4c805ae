package dev.berth.exec;

import dev.berth.model.Deployment;
import dev.berth.model.ObservedPod;
import dev.berth.plan.DesiredState;
import dev.berth.plan.Plan;
import dev.berth.plan.Revision;

import java.util.ArrayList;
import java.util.List;

/** Whether the desired replicas all run the current template and are ready; if not, what is missing. */
public final class Readiness {

    private Readiness() {
    }

    /**
     * Empty when every Deployment the plan is about has all its replicas ready at its current revision and
     * nothing is left to do.
     */
    public static String missing(DesiredState desired, List<NodeObservation> observed, Plan plan) {
        List<String> missing = new ArrayList<>();
        for (Deployment deployment : desired.deployments()) {
            String key = DesiredState.key(deployment);
            if (!plan.rollouts().isEmpty() && !plan.rollouts().containsKey(key)) {
                continue;
            }
            Revision revision = plan.revisions().get(key);
            long ready = observed.stream().filter(NodeObservation::ready)
                    .flatMap(o -> ObservedPod.group(o.node().name(), o.snapshot().containers()).stream())
                    .filter(pod -> key.equals(DesiredState.key(pod.namespace(), pod.deployment())))
                    .filter(pod -> revision == null || revision.specHash().equals(pod.specHash()))
                    .filter(pod -> pod.running() && pod.readyContainers() == pod.containers().size())
                    .count();
            if (ready < deployment.spec().replicas()) {
                missing.add(key + " " + ready + "/" + deployment.spec().replicas() + " ready");
            }
        }
        plan.pending().forEach(pending -> missing.add(pending.deployment() + " pending: " + pending.reason()));
        if (missing.isEmpty() && !plan.inSync()) {
            missing.add(plan.actions().size() + " steps left to do");
        }
        return String.join("; ", missing);
    }
}
