package dev.berth.cli.complete;

import dev.berth.cli.BaseCommand;
import dev.berth.cli.Main;
import dev.berth.config.ConfigStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code berth __complete -- WORDS...}: what the completion scripts ask at each TAB. Prints one candidate per
 * line ({@code value}, or {@code value<TAB>description}), or {@code :files} when the shell should complete file
 * names. Never fails: a cluster that cannot be asked just offers nothing.
 */
@Command(name = "__complete", hidden = true,
        description = "Print the completions of a berth command line (used by the completion scripts).")
public final class CompleteCommand extends BaseCommand {

    @Parameters(paramLabel = "WORD", arity = "0..*", description = "The words after berth, the last one being typed.")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
        ConfigStore store = ConfigStore.forUser(environment().variable("XDG_CONFIG_HOME"), environment().home());
        Path cacheDirectory = environment().variable("XDG_CACHE_HOME").map(Path::of).filter(Path::isAbsolute)
                .orElse(environment().home().resolve(".cache")).resolve("berth").resolve("completion");
        String scope = environment().variable("BERTH_CLUSTER").orElse("") + "\0" + current(store);
        NameCache cache = new NameCache(cacheDirectory, environment().clock(), scope);
        Completer completer = new Completer(spec.root(), where -> new LiveNames(where, this::berth,
                () -> contexts(store), cache));
        List<Completer.Candidate> candidates;
        try {
            candidates = completer.complete(words);
        } catch (RuntimeException e) {
            candidates = List.of();
        }
        candidates.forEach(candidate -> out().println(candidate.line()));
        out().flush();
        return 0;
    }

    /** Runs a berth command line in this process: its stdout, or nothing when it failed. */
    private String berth(List<String> args) {
        StringWriter out = new StringWriter();
        PrintWriter sink = new PrintWriter(new StringWriter());
        int code = Main.commandLine(environment(), new PrintWriter(out, true), sink).execute(args.toArray(String[]::new));
        return code == 0 ? out.toString() : "";
    }

    private static List<String> contexts(ConfigStore store) {
        try {
            return store.load().names();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static String current(ConfigStore store) {
        try {
            return String.valueOf(store.load().currentContext());
        } catch (RuntimeException e) {
            return "";
        }
    }
}
