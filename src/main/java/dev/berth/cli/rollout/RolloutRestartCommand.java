package dev.berth.cli.rollout;

import dev.berth.cli.converge.ConvergeOptions;
import dev.berth.error.InvalidInputException;
import dev.berth.state.StoredDeployments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import dev.berth.plan.Scope;

import java.util.Set;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code berth rollout restart deployment/NAME}: every replica replaced by a fresh one, by the rollout rules. The
 * template is stamped {@code kubectl.kubernetes.io/restartedAt}, as kubectl does, so the restart is a new
 * revision with the same spec.
 */
@Command(name = "restart",
        description = {"Replace every replica of a Deployment with a new one, in waves, as a rollout does.",
                "The pod template gets the annotation kubectl.kubernetes.io/restartedAt with the time, which "
                        + "makes a new revision with the same spec; the cluster then rolls to it by the "
                        + "Deployment's maxSurge and maxUnavailable, gated on readiness. A paused Deployment "
                        + "must be resumed first."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Fresh replicas of deployment web, one wave at a time",
                "  berth rollout restart deployment/web",
                "",
                "  # In namespace shop, waiting until every new replica is ready",
                "  berth rollout restart deploy/api -n shop --wait --timeout 10m"})
final class RolloutRestartCommand extends RolloutVerb {

    @Mixin
    ConvergeOptions converge;

    @Override
    public Integer call() {
        String deployment = deployment();
        Instant at = environment().clock().instant().truncatedTo(ChronoUnit.SECONDS);
        return converge("rollout restart", stored -> {
            requireStored(stored);
            if (StoredDeployments.paused(stored, deployment)) {
                throw new InvalidInputException(resourceName() + " can't restart paused deployment (run berth "
                        + "rollout resume deployment/" + name() + " first)");
            }
            return StoredDeployments.withRestart(stored, deployment, at);
        }, converge.options().within(Scope.of(Set.of(deployment()))), false);
    }

    @Override
    String done() {
        return "restarted";
    }
}
