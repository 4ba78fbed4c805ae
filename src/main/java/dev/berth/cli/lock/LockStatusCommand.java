package dev.berth.cli.lock;

import dev.berth.state.ClusterState;
import picocli.CommandLine.Command;

/** {@code berth lock status}: who holds the cluster's lock, as each state node sees it. */
@Command(name = "status",
        description = {"Show who holds the cluster's lock, since when and until when, on each state node.",
                "Exit 0 when a majority of the state nodes answered, 3 otherwise."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Who holds the cluster's lock, on each state node",
                "  berth lock status",
                "",
                "  # The same on the cluster of the context prod, for a script",
                "  berth --context prod lock status -o json"})
final class LockStatusCommand extends LockVerb {

    @Override
    public Integer call() {
        return show("berth lock status", ClusterState::status);
    }
}
