package dev.berth.cli.lock;

import dev.berth.state.ClusterState;
import dev.berth.state.LockStatus;
import picocli.CommandLine.Command;

/** {@code berth lock release}: frees the cluster's lock by hand, whoever holds it. */
@Command(name = "release",
        description = {"Free the cluster's lock on every state node that answers, whoever holds it, and show "
                + "what was removed.",
                "For a lock left by a run that cannot finish; a killed run's lock also frees itself when its "
                        + "lease expires. A run that still works learns it lost the lock at its next renewal "
                        + "and stops before changing more.",
                "Exit 0 when a majority of the state nodes answered, 3 otherwise."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Free a lock left by a run that cannot finish, after seeing whose it is",
                "  berth lock status",
                "  berth lock release",
                "",
                "  # On the cluster of another inventory file",
                "  berth lock release --cluster staging.yaml"})
final class LockReleaseCommand extends LockVerb {

    @Override
    public Integer call() {
        return show("berth lock release", state -> {
            LockStatus released = state.release();
            released.nodes().stream().filter(lock -> lock.state() == LockStatus.State.RELEASED)
                    .map(lock -> lock.lease().holder().toString()).distinct()
                    .forEach(holder -> err().println("released the lock of " + holder));
            return released;
        });
    }
}
