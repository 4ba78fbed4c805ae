package dev.berth.cli.converge;

import dev.berth.cli.BaseCommand;
import picocli.CommandLine.Command;

/** {@code berth volume}: the data of PersistentVolumeClaims on the nodes. */
@Command(name = "volume",
        description = {"Move a PersistentVolumeClaim's data to another node.",
                "A claim's data is a Docker volume on one node, and the replicas that mount it run there. "
                        + "berth drain moves the claims of the node it drains; volume move does it by hand."},
        subcommands = VolumeMoveCommand.class,
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Move the claim db-data, and the replicas that mount it, to node-3",
                "  berth volume move db-data --to node-3"})
public final class VolumeCommand extends BaseCommand {

    /** {@code berth volume} alone prints its usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        out().flush();
        return 0;
    }
}
