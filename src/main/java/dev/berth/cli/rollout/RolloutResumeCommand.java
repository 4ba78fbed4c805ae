package dev.berth.cli.rollout;

import dev.berth.cli.converge.ConvergeOptions;
import dev.berth.error.InvalidInputException;
import dev.berth.plan.Scope;
import dev.berth.state.StateRecord;
import dev.berth.state.StoredDeployments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Set;

/**
 * {@code berth rollout resume deployment/NAME}: the pause ends and the cluster is converged, so that a rollout
 * held by the pause goes on, in waves, to its end.
 */
@Command(name = "resume",
        description = {"Resume a paused Deployment: the changes that waited are rolled out now.",
                "The stored Deployment's spec.paused is cleared and the cluster is converged, so a rollout held "
                        + "by the pause runs to its end in this run, by the same rules as apply."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Roll out what changed while deployment web was paused",
                "  berth rollout resume deployment/web"})
final class RolloutResumeCommand extends RolloutVerb {

    @Mixin
    ConvergeOptions converge;

    @Override
    public Integer call() {
        String deployment = deployment();
        StateRecord record = storedRecord("rollout resume");
        requireStored(record);
        if (!StoredDeployments.paused(record, deployment)) {
            throw new InvalidInputException(resourceName() + " is not paused");
        }
        return converge("rollout resume", stored -> {
            requireStored(stored);
            return StoredDeployments.withPaused(stored, deployment, false);
        }, converge.options().within(Scope.of(Set.of(deployment()))), false);
    }

    @Override
    String done() {
        return "resumed";
    }
}
