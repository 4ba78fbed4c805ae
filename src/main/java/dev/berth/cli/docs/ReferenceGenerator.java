package dev.berth.cli.docs;

import dev.berth.cli.Environment;
import dev.berth.cli.Main;
import dev.berth.cli.complete.CompletionCommand;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates the shell completions and man pages from the command tree, so they never drift
 * from the commands. The build runs it into {@code target/generated-reference}; the committed
 * copies at the top of the project are refreshed with {@code ./scripts/update-reference}.
 */
public final class ReferenceGenerator {
    private ReferenceGenerator() {
    }

    /** Writes {@code completions/} and {@code man/} into the directory given as the only argument. */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ReferenceGenerator OUTPUT_DIRECTORY");
        }
        write(Path.of(args[0]));
    }

    public static void write(Path directory) {
        try {
            for (Map.Entry<String, String> file : files().entrySet()) {
                Path target = directory.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every generated file by its path relative to the output directory, in a stable order. */
    public static Map<String, String> files() {
        CommandLine root = commandTree();
        Map<String, String> files = new LinkedHashMap<>();
        String name = root.getCommandName();
        files.put("completions/" + name + ".bash", CompletionCommand.Shell.bash.script());
        files.put("completions/_" + name, CompletionCommand.Shell.zsh.script());
        files.put("completions/" + name + ".fish", CompletionCommand.Shell.fish.script());
        for (CommandLine command : HelpText.walk(root)) {
            files.put("man/" + ManPage.fileName(command.getCommandSpec()), ManPage.render(command));
        }
        return files;
    }

    /** The command tree in a neutral world: nothing about the machine that builds it leaks into the files. */
    static CommandLine commandTree() {
        Environment neutral = new Environment(Map.of(), new ByteArrayInputStream(new byte[0]), Path.of("/"),
                Path.of("/"), false);
        PrintWriter sink = new PrintWriter(new StringWriter());
        return Main.commandLine(neutral, sink, sink);
    }
}
