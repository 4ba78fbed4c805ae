package dev.berth.exec;

import dev.berth.exec.probe.LivenessFailure;
import dev.berth.plan.DesiredState;
import dev.berth.plan.Plan;

import java.util.List;

/**
 * One observation of the cluster and the plan made from it: the desired state the record held, every node as
 * observed (its containers' health from their probes), the plan, and the containers whose liveness probe failed.
 */
record Planned(DesiredState desired, List<NodeObservation> observed, Plan plan, List<LivenessFailure> livenessFailures) {
    Planned {
        observed = List.copyOf(observed);
        livenessFailures = List.copyOf(livenessFailures);
    }
}
