package dev.berth.bench.fleet;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The subset of the docker CLI a fleet node answers: info, ps, inspect, stats, version. */
final class DockerCli {

    private final SimulatedNode node;
    private final Clock clock;

    DockerCli(SimulatedNode node, Clock clock) {
        this.node = node;
        this.clock = clock;
    }

    String info() {
        return DockerOutputs.info(node);
    }

    String inspectManaged() {
        return DockerOutputs.inspect(select(c -> c.labels().containsKey("berth.dev/managed")));
    }

    SimulatedShell.Answer run(List<String> args) {
        if (args.isEmpty()) {
            return SimulatedShell.Answer.fail(1, "Usage:  docker [OPTIONS] COMMAND\n");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "info" -> SimulatedShell.Answer.ok(info());
            case "version" -> SimulatedShell.Answer.ok("24.0.7\n");
            case "ps" -> ps(rest);
            case "inspect" -> inspect(rest);
            case "stats" -> stats(rest);
            default -> SimulatedShell.Answer.fail(1, "docker: '" + args.get(0) + "' is not a docker command.\n");
        };
    }

    private SimulatedShell.Answer ps(List<String> args) {
        boolean all = false;
        boolean quiet = false;
        boolean noTrunc = false;
        String format = null;
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "-a", "--all" -> all = true;
                case "-q", "--quiet" -> quiet = true;
                case "-aq", "-qa" -> {
                    all = true;
                    quiet = true;
                }
                case "--no-trunc" -> noTrunc = true;
                case "--format" -> format = i + 1 < args.size() ? args.get(++i) : "";
                case "--filter", "-f" -> {
                    String filter = i + 1 < args.size() ? args.get(++i) : "";
                    if (!filter.startsWith("label=")) {
                        return SimulatedShell.Answer.fail(1, "only label filters are simulated: " + filter + "\n");
                    }
                    labels.add(filter.substring("label=".length()));
                }
                default -> {
                    return SimulatedShell.Answer.fail(125, "unknown flag: " + args.get(i) + "\n");
                }
            }
        }
        boolean everything = all;
        List<SimulatedContainer> shown = select(c -> (everything || c.running())
                && labels.stream().allMatch(label -> hasLabel(c, label)));
        if (quiet) {
            return SimulatedShell.Answer.ok(DockerOutputs.ids(shown, noTrunc));
        }
        if (format != null && format.contains("json")) {
            return SimulatedShell.Answer.ok(DockerOutputs.psJsonLines(shown, clock.instant()));
        }
        return SimulatedShell.Answer.ok(DockerOutputs.psTable(shown, clock.instant()));
    }

    private SimulatedShell.Answer stats(List<String> args) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--format")) {
                i++;
            } else if (!args.get(i).startsWith("-")) {
                names.add(args.get(i));
            }
        }
        List<SimulatedContainer> shown = names.isEmpty() ? select(SimulatedContainer::running) : named(names);
        return SimulatedShell.Answer.ok(DockerOutputs.stats(shown));
    }

    private SimulatedShell.Answer inspect(List<String> args) {
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--type") || arg.equals("--format") || arg.equals("-f")) {
                i++;
            } else if (!arg.startsWith("-")) {
                wanted.add(arg);
            }
        }
        List<SimulatedContainer> found = named(wanted);
        StringBuilder missing = new StringBuilder();
        for (String name : wanted) {
            if (found.stream().noneMatch(c -> matches(c, name))) {
                missing.append("Error: No such container: ").append(name).append('\n');
            }
        }
        return new SimulatedShell.Answer(DockerOutputs.inspect(found), missing.toString(), missing.isEmpty() ? 0 : 1);
    }

    private List<SimulatedContainer> named(List<String> names) {
        List<String> wanted = names.stream().filter(name -> !name.startsWith("-")).toList();
        return select(c -> wanted.stream().anyMatch(name -> matches(c, name)));
    }

    private List<SimulatedContainer> select(Predicate<SimulatedContainer> predicate) {
        return node.containers().stream().filter(predicate).toList();
    }

    private static boolean matches(SimulatedContainer c, String name) {
        return c.name().equals(name) || (name.length() >= 12 && c.id().startsWith(name));
    }

    private static boolean hasLabel(SimulatedContainer c, String label) {
        int equals = label.indexOf('=');
        if (equals < 0) {
            return c.labels().containsKey(label);
        }
        return label.substring(equals + 1).equals(c.labels().get(label.substring(0, equals)));
    }
}
