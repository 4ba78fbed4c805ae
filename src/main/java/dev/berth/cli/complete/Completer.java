package dev.berth.cli.complete;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a shell should offer at the cursor, from berth's own command tree: verbs, flags, option values, resource
 * types, and live names (contexts, namespaces, nodes, objects) from {@link Names}. Pure but for what {@code Names}
 * does; the shells' scripts only ask and print.
 *
 * <p>The words are the command line after {@code berth} up to the cursor; the last is the word being typed
 * (empty after a space).
 */
public final class Completer {
    /** The answer that tells the shell to complete file names itself. */
    public static final Candidate FILES = new Candidate(":files", null);

    /** The resource types get, describe and delete take, by kubectl's names. */
    static final List<String> TYPES = List.of("all", "nodes", "pods", "deployments", "services", "ingresses",
            "endpoints", "configmaps", "secrets", "namespaces", "persistentvolumeclaims", "events");
    private static final Set<String> TYPED_VERBS = Set.of("get", "describe", "delete", "top");
    private static final Set<String> DEPLOYMENT_VERBS = Set.of("scale", "rollout status", "rollout history",
            "rollout undo", "rollout restart", "rollout pause", "rollout resume");
    private static final Set<String> NODE_VERBS = Set.of("cordon", "uncordon", "drain");
    private static final Set<String> POD_VERBS = Set.of("logs", "exec");
    private static final Set<String> CLAIM_VERBS = Set.of("volume move");
    private static final Set<String> CONTEXT_VERBS = Set.of("config use-context", "config delete-context",
            "config set-context");

    /** One thing to offer, with the text a shell may show beside it (or null). */
    public record Candidate(String value, String description) {
        public String line() {
            return description == null || description.isBlank() ? value : value + "\t" + description;
        }
    }

    private final CommandSpec root;
    private final Function<List<String>, NameSource> namesOf;
    private NameSource names;

    /**
     * @param namesOf the live names of the cluster that the given {@code --context=...}/{@code --cluster=...}
     *                words (none: the default one) name; asked only when a name is to be offered
     */
    public Completer(CommandSpec root, Function<List<String>, NameSource> namesOf) {
        this.root = root;
        this.namesOf = namesOf;
    }

    public List<Candidate> complete(List<String> words) {
        List<String> line = words.isEmpty() ? List.of("") : words;
        Parsed parsed = Parsed.of(root, line.subList(0, line.size() - 1));
        names = new LazyNames(() -> namesOf.apply(parsed.where()));
        String partial = line.get(line.size() - 1);
        if (parsed.afterDoubleDash()) {
            return List.of();
        }
        if (parsed.pendingOption() != null) {
            return values(parsed, parsed.pendingOption(), "", partial);
        }
        if (partial.startsWith("--") && partial.contains("=")) {
            String name = partial.substring(0, partial.indexOf('='));
            OptionSpec option = parsed.command().findOption(name);
            return option == null ? List.of() : values(parsed, option, name + "=", partial.substring(name.length() + 1));
        }
        if (partial.startsWith("-")) {
            return matching(options(parsed.command()), partial);
        }
        if (!parsed.command().subcommands().isEmpty() && parsed.positionals().isEmpty()) {
            List<Candidate> verbs = new ArrayList<>();
            parsed.command().subcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden() && name.equals(sub.getCommandName())) {
                    verbs.add(new Candidate(name, first(sub.getCommandSpec().usageMessage().description())));
                }
            });
            return matching(verbs, partial);
        }
        return positional(parsed, partial);
    }

    private List<Candidate> positional(Parsed parsed, String partial) {
        String verb = parsed.command().qualifiedName(" ").replaceFirst("^\\S+ ", "");
        List<String> given = parsed.positionals();
        if (TYPED_VERBS.contains(verb)) {
            if (given.isEmpty() && partial.contains("/")) {
                String type = partial.substring(0, partial.indexOf('/'));
                return matching(plain(prefixed(type + "/", names.of(type, parsed.namespace()))), partial);
            }
            if (given.isEmpty()) {
                return matching(plain(verb.equals("top") ? List.of("nodes", "pods") : TYPES), partial);
            }
            String type = given.get(0);
            return matching(plain(type.equals("nodes") || type.equals("node") || type.equals("no") ? names.nodes()
                    : names.of(type, parsed.namespace())), partial);
        }
        if (DEPLOYMENT_VERBS.contains(verb) && given.isEmpty()) {
            return matching(plain(prefixed("deployment/", names.of("deployments", parsed.namespace()))), partial);
        }
        if (NODE_VERBS.contains(verb) && given.isEmpty()) {
            return matching(plain(names.nodes()), partial);
        }
        if (POD_VERBS.contains(verb) && given.isEmpty()) {
            if (partial.startsWith("deployment/") || partial.startsWith("deploy/")) {
                String type = partial.substring(0, partial.indexOf('/') + 1);
                return matching(plain(prefixed(type, names.of("deployments", parsed.namespace()))), partial);
            }
            return matching(plain(names.of("pods", parsed.namespace())), partial);
        }
        if (CLAIM_VERBS.contains(verb) && given.isEmpty()) {
            return matching(plain(names.of("persistentvolumeclaims", parsed.namespace())), partial);
        }
        if (CONTEXT_VERBS.contains(verb) && given.isEmpty()) {
            return matching(plain(names.contexts()), partial);
        }
        return List.of();
    }

    private List<Candidate> values(Parsed parsed, OptionSpec option, String prefix, String partial) {
        Set<String> optionNames = Set.of(option.names());
        List<String> values;
        if (optionNames.contains("--context")) {
            values = names.contexts();
        } else if (optionNames.contains("--namespace")) {
            values = names.namespaces();
        } else if (optionNames.contains("--to")) {
            values = names.nodes();
        } else if (optionNames.contains("--cluster") || optionNames.contains("--filename")
                || option.type() == java.nio.file.Path.class) {
            return List.of(FILES);
        } else if (option.completionCandidates() != null) {
            values = new ArrayList<>();
            option.completionCandidates().forEach(values::add);
        } else if (option.type().isEnum()) {
            values = java.util.Arrays.stream(option.type().getEnumConstants()).map(c -> c.toString()
                    .toLowerCase(Locale.ROOT)).toList();
        } else {
            return List.of();
        }
        return matching(plain(values.stream().map(value -> prefix + value).toList()), prefix + partial);
    }

    private static List<Candidate> options(CommandSpec command) {
        Set<Candidate> all = new LinkedHashSet<>();
        for (OptionSpec option : command.options()) {
            if (option.hidden()) {
                continue;
            }
            for (String name : option.names()) {
                all.add(new Candidate(name, first(option.description())));
            }
        }
        return new ArrayList<>(all);
    }

    private static List<Candidate> matching(List<Candidate> candidates, String partial) {
        return candidates.stream().filter(candidate -> candidate.value().startsWith(partial)).toList();
    }

    private static List<Candidate> plain(List<String> values) {
        return values.stream().distinct().map(value -> new Candidate(value, null)).toList();
    }

    private static List<String> prefixed(String prefix, List<String> values) {
        return values.stream().map(value -> prefix + value).collect(Collectors.toList());
    }

    private static String first(String[] description) {
        return description.length == 0 ? null : description[0];
    }
}
