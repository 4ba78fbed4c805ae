package dev.berth.bench.fleet;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The subset of the docker CLI a fleet node answers: info, ps, inspect, stats, version, and the commands that
 * change its engine (run, stop, rm, restart, pull, network create), each of which is written to the
 * {@link MutationLog}.
 */
final class DockerCli {

    private final SimulatedNode node;
    private final Clock clock;
    private final MutationLog mutations;

    DockerCli(SimulatedNode node, Clock clock, MutationLog mutations) {
        this.node = node;
        this.clock = clock;
        this.mutations = mutations;
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
            case "container" -> rest.size() > 1 && rest.get(0).equals("inspect") ? inspect(rest.subList(1, rest.size()))
                    : SimulatedShell.Answer.fail(1, "docker container: only inspect is simulated\n");
            case "image" -> SimulatedShell.Answer.ok("[{}]\n");
            case "volume" -> SimulatedShell.Answer.ok("");
            case "network" -> network(args, rest);
            case "run" -> run(args, rest);
            case "stop", "rm", "kill" -> remove(args, rest);
            case "restart" -> changed(args, named(rest).isEmpty() ? 1 : 0, String.join("\n", rest) + "\n");
            case "pull" -> changed(args, 0, "sha256:" + SimulatedNode.id(String.join(" ", rest)) + "\n");
            default -> SimulatedShell.Answer.fail(1, "docker: '" + args.get(0) + "' is not a docker command.\n");
        };
    }

    private SimulatedShell.Answer run(List<String> args, List<String> rest) {
        SimulatedContainer container = DockerRun.container(node, rest, clock.instant());
        if (container == null) {
            return SimulatedShell.Answer.fail(125, "\"docker run\" requires at least 1 argument.\n");
        }
        if (node.containers().stream().anyMatch(c -> c.name().equals(container.name()))) {
            return SimulatedShell.Answer.fail(125, "docker: Error response from daemon: Conflict. The container name \"/"
                    + container.name() + "\" is already in use.\n");
        }
        node.containers().add(container);
        return changed(args, 0, container.id() + "\n");
    }

    private SimulatedShell.Answer remove(List<String> args, List<String> rest) {
        List<SimulatedContainer> found = named(rest);
        if (found.isEmpty()) {
            return SimulatedShell.Answer.fail(1, "Error response from daemon: No such container: " + rest.get(rest.size() - 1) + "\n");
        }
        node.containers().removeAll(found);
        return changed(args, 0, String.join("\n", rest.stream().filter(w -> !w.startsWith("-")).toList()) + "\n");
    }

    private SimulatedShell.Answer network(List<String> args, List<String> rest) {
        String name = rest.isEmpty() ? "" : rest.get(rest.size() - 1);
        if (!rest.isEmpty() && rest.get(0).equals("inspect")) {
            return node.networks().contains(name) ? SimulatedShell.Answer.ok("[{\"Name\": \"" + name + "\"}]\n")
                    : SimulatedShell.Answer.fail(1, "Error response from daemon: network " + name + " not found\n");
        }
        if (!rest.isEmpty() && rest.get(0).equals("create")) {
            node.networks().add(name);
            return changed(args, 0, SimulatedNode.id("network/" + name) + "\n");
        }
        return SimulatedShell.Answer.fail(1, "docker network: only inspect and create are simulated\n");
    }

    private SimulatedShell.Answer changed(List<String> args, int exit, String out) {
        mutations.record(node, args);
        return exit == 0 ? SimulatedShell.Answer.ok(out) : SimulatedShell.Answer.fail(exit, "no such container\n");
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
