package dev.berth.cli.complete;

import dev.berth.cli.BaseCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code berth completion bash|zsh|fish}: the completion script of a shell, on stdout. */
@Command(name = "completion",
        description = {"Print the completion script of a shell: bash, zsh or fish.",
                "The scripts ask berth itself at each TAB, so they complete verbs, flags, resource types, "
                        + "contexts, namespaces and the live names of nodes, deployments, pods and the other "
                        + "objects of the cluster (asked once every few seconds). install.sh installs them."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Installed for every bash of this user (bash-completion loads it)",
                "  berth completion bash > ~/.local/share/bash-completion/completions/berth",
                "",
                "  # Installed for every zsh of this user",
                "  berth completion zsh > \"${fpath[1]}/_berth\"",
                "",
                "  # fish",
                "  berth completion fish > ~/.config/fish/completions/berth.fish"})
public final class CompletionCommand extends BaseCommand {

    /** The shells berth has a script for. */
    public enum Shell {
        bash("berth.bash"), zsh("_berth"), fish("berth.fish");

        private final String resource;

        Shell(String resource) {
            this.resource = resource;
        }

        /** The script, as install.sh installs it. */
        public String script() {
            try (InputStream in = CompletionCommand.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the " + name() + " completion script is missing from berth");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
    Shell shell;

    @Override
    public Integer call() {
        out().print(shell.script());
        out().flush();
        return 0;
    }
}
