package dev.berth.exec.probe;

/**
 * A running container whose liveness probe (or startup probe) failed {@code failureThreshold} times in a row in
 * this run: Kubernetes would restart it, and so should the run that probed it.
 *
 * @param reason e.g. {@code liveness probe failed 3 times in a row: HTTP probe failed with statuscode: 500}
 */
public record LivenessFailure(String node, String containerId, String name, String reason) {
}
