package dev.berth.plan;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a run is about, as kubectl scopes its verbs: {@code apply}, {@code diff}, {@code scale} and {@code delete}
 * plan only for the Deployments they name or change, so a broken Deployment of another team neither fails nor
 * slows them; {@code reconcile} and {@code drain} are about the whole cluster. The replicas of every
 * Deployment still take their room on the nodes, whatever the scope.
 *
 * @param deployments the Deployments ({@code namespace/name}) in scope when not the whole cluster
 */
public record Scope(boolean cluster, Set<String> deployments) {
    /** Every Deployment, and every replica of a Deployment no longer desired. */
    public static final Scope CLUSTER = new Scope(true, Set.of());

    public Scope {
        deployments = Set.copyOf(new TreeSet<>(deployments));
    }

    /** Just these Deployments. */
    public static Scope of(Collection<String> deployments) {
        return new Scope(false, Set.copyOf(deployments));
    }

    /** This scope and these Deployments too. */
    public Scope and(Collection<String> more) {
        if (cluster) {
            return this;
        }
        Set<String> all = new TreeSet<>(deployments);
        all.addAll(more);
        return new Scope(false, all);
    }

    public boolean covers(String deployment) {
        return cluster || deployments.contains(deployment);
    }
}
