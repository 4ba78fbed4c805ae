package dev.berth.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The error a failed rollout ends with: what failed, where and why, and where the Deployment stands now. */
final class RolloutReport {
    private RolloutReport() {
    }

    /**
     * For example:
     * <pre>
     * rollout of deployment "default/web" revision 3 failed: 1 of 1 new replicas crashed
     *   pod web-7c9f4b6d2a-x2x9z on node-2: CrashLoopBackOff, exit code 1, restarted 2 times
     *   web-7c9f4b6d2a-x2x9z: listen tcp :8080: bind: address already in use
     * rolled back to revision 2 on every node
     * </pre>
     */
    static String of(List<RolloutFailure> failures, Map<String, Long> rolledBackTo, Set<String> paused) {
        List<String> lines = new ArrayList<>();
        for (RolloutFailure failure : failures) {
            lines.add("rollout of deployment \"" + failure.deployment() + "\" revision " + failure.revision()
                    + " failed: " + failure.reason());
            failure.replicas().forEach(line -> lines.add("  " + line));
            if (!failure.logs().isEmpty()) {
                lines.add("  last lines of its log:");
                failure.logs().forEach(line -> lines.add("    " + line));
            }
        }
        failures.stream().map(RolloutFailure::deployment).distinct().forEach(deployment -> {
            Long revision = rolledBackTo.get(deployment);
            boolean failedAgain = failures.stream().filter(f -> f.deployment().equals(deployment)).count() > 1;
            if (revision != null && !failedAgain) {
                lines.add("deployment \"" + deployment + "\" rolled back to revision " + revision + " on every node");
            } else if (revision != null) {
                lines.add("deployment \"" + deployment + "\": the rollback to revision " + revision
                        + " failed as well; see berth get pods and berth rollout history");
            } else if (paused.contains(deployment)) {
                lines.add("deployment \"" + deployment + "\" is paused; fix it and apply again, or berth rollout undo"
                        + " deployment/" + deployment.substring(deployment.indexOf('/') + 1));
            } else {
                lines.add("deployment \"" + deployment + "\" has no earlier revision to roll back to; its replicas are"
                        + " left as they are: fix it and apply again");
            }
        });
        return String.join("\n", lines);
    }
}
