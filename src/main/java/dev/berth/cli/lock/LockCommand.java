package dev.berth.cli.lock;

import dev.berth.cli.BaseCommand;
import picocli.CommandLine.Command;

/** {@code berth lock}: the cluster's lock, held on its state nodes by the run that changes the cluster. */
@Command(name = "lock",
        description = {"Show or free the cluster's lock.",
                "apply, reconcile and every other verb that changes the cluster hold a lock on a majority of the "
                        + "state nodes (spec.stateNodes, else the first three nodes) while they work. It is a "
                        + "lease: renewed while its run lives, free a minute after the run was killed."},
        subcommands = {
                LockStatusCommand.class,
                LockReleaseCommand.class,
        },
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Who holds the lock, and free it when its run cannot finish",
                "  berth lock status",
                "  berth lock release"})
public final class LockCommand extends BaseCommand {

    /** {@code berth lock} alone prints its usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        out().flush();
        return 0;
    }
}
