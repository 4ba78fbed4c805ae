package dev.berth.cli.rollout;

import dev.berth.cli.BaseCommand;
import picocli.CommandLine.Command;

/** {@code berth rollout}: the revisions of a Deployment, kept on the cluster, and what moves between them. */
@Command(name = "rollout",
        description = {"Manage the rollouts of Deployments: history, undo, restart, pause, resume and status.",
                "A changed pod template is rolled out in waves (spec.strategy), each gated on the new replicas' "
                        + "readiness, and rolled back on every node when it fails. The revisions are numbered "
                        + "per Deployment and kept on the cluster's state nodes, so every operator sees the same "
                        + "history."},
        subcommands = {
                RolloutHistoryCommand.class,
                RolloutUndoCommand.class,
                RolloutRestartCommand.class,
                RolloutPauseCommand.class,
                RolloutResumeCommand.class,
                RolloutStatusCommand.class,
        },
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Restart deployment web, then check that its rollout is done",
                "  berth rollout restart deployment/web",
                "  berth rollout status deployment/web",
                "",
                "  # Something went wrong: see the revisions, and go back to the one before",
                "  berth rollout history deployment/web",
                "  berth rollout undo deployment/web"})
public final class RolloutCommand extends BaseCommand {

    /** {@code berth rollout} alone prints its usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        out().flush();
        return 0;
    }
}
