package dev.berth.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One rollout revision of a Deployment as the cluster-held record keeps it: the number and spec hash the
 * planner knows it by ({@code dev.berth.plan.Revision}), with the template itself. At most
 * {@code revisionHistoryLimit} are kept, so that a revision's number, change cause and age are the same for
 * every operator, as {@code get deployments -o wide} and {@code describe} show them.
 *
 * @param number      1, 2, 3, ... per Deployment; a template rolled out again gets a new, higher number
 * @param specHash    the hash of the pod template, as on the containers' labels
 * @param template    the pod template as JSON, as the Deployment held it
 * @param changeCause the {@code kubernetes.io/change-cause} annotation, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredRevision(long number, String specHash, JsonNode template, Instant createdAt, String changeCause) {
}
