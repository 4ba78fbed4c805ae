package dev.berth.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One revision of a Deployment: a pod template it was rolled out with, kept in the cluster's record (at most
 * {@code revisionHistoryLimit} of them) so that its number, change cause and age are the same for every
 * operator, as {@code get deployments -o wide} and {@code describe} show them.
 *
 * @param number      1, 2, 3, ... per Deployment; a template rolled out again gets a new, higher number
 * @param specHash    the hash of the pod template, as on the containers' labels
 * @param template    the pod template as JSON, as the Deployment held it
 * @param changeCause the {@code kubernetes.io/change-cause} annotation, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Revision(long number, String specHash, JsonNode template, Instant createdAt, String changeCause) {
}
