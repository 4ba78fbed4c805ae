package dev.berth.cli.config;

import dev.berth.cli.BaseCommand;
import picocli.CommandLine.Command;

/** {@code berth config}: contexts that point at cluster inventories, like kubeconfig. */
@Command(name = "config",
        description = {"Manage contexts: named cluster inventories with a default namespace.",
                "Contexts live in ~/.config/berth/config.yaml ($XDG_CONFIG_HOME/berth/config.yaml when set)."},
        subcommands = {
                GetContextsCommand.class,
                CurrentContextCommand.class,
                UseContextCommand.class,
                SetContextCommand.class,
                DeleteContextCommand.class,
                ViewCommand.class,
        },
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Point a context at an inventory, make it current, and check",
                "  berth config set-context prod --cluster prod.yaml --namespace shop",
                "  berth config use-context prod",
                "  berth config current-context"})
public final class ConfigCommand extends BaseCommand {

    /** {@code berth config} alone prints its usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        out().flush();
        return 0;
    }
}
