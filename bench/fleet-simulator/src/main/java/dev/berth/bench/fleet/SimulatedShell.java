package dev.berth.bench.fleet;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers an exec request the way a node's shell and docker CLI would, from the node's model. The
 * berth probe (one script that prints engine facts and its containers) is recognised by its marker;
 * other commands are simple command lists.
 */
final class SimulatedShell {
    static final String PROBE_MARKER = "--- berth:containers ---";

    /** What a command printed and how it exited. */
    record Answer(String out, String err, int exitCode) {
        static Answer ok(String out) {
            return new Answer(out, "", 0);
        }

        static Answer fail(int exitCode, String err) {
            return new Answer("", err, exitCode);
        }
    }

    private final SimulatedNode node;
    private final DockerCli docker;
    private final StateScriptAnswers state;
    private final NodeScripts scripts;
    private final String stdin;

    SimulatedShell(SimulatedNode node, Clock clock, MutationLog mutations, String stdin) {
        this.node = node;
        this.docker = new DockerCli(node, clock, mutations);
        this.state = new StateScriptAnswers(node.files(), clock);
        this.scripts = new NodeScripts(docker, node.files());
        this.stdin = stdin;
    }

    /** Whether {@code commandLine} reads its standard input, so that it must be answered only after the input's end. */
    static boolean readsInput(String commandLine) {
        try {
            List<String> words = ShellWords.split(commandLine).stream().map(ShellWords.Token::text).toList();
            return words.size() > 3 && words.get(1).equals("-c")
                    && (StateScriptAnswers.readsInput(words.get(3)) || words.get(3).equals(NodeScripts.UPLOAD));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    Answer run(String commandLine) {
        List<ShellWords.Token> tokens;
        try {
            tokens = ShellWords.split(commandLine);
        } catch (IllegalArgumentException e) {
            return Answer.fail(2, "sh: 1: " + e.getMessage() + "\n");
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int exit = 0;
        String pending = ";";
        List<String> words = new ArrayList<>();
        for (int i = 0; i <= tokens.size(); i++) {
            ShellWords.Token token = i < tokens.size() ? tokens.get(i) : new ShellWords.Token("\n", true);
            if (!token.operator()) {
                words.add(token.text());
                continue;
            }
            if (token.text().equals("|")) {
                return Answer.fail(2, "sh: 1: pipelines are not simulated\n");
            }
            if (!words.isEmpty() && runs(pending, exit)) {
                Answer answer = simple(words);
                out.append(answer.out());
                err.append(answer.err());
                exit = answer.exitCode();
            }
            words.clear();
            pending = token.text();
        }
        return new Answer(out.toString(), err.toString(), exit);
    }

    private static boolean runs(String operator, int lastExit) {
        return switch (operator) {
            case "&&" -> lastExit == 0;
            case "||" -> lastExit != 0;
            default -> true;
        };
    }

    private Answer simple(List<String> command) {
        int start = 0;
        while (start < command.size() && command.get(start).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            start++;
        }
        List<String> words = command.subList(start, command.size());
        if (words.isEmpty()) {
            return Answer.ok("");
        }
        String program = words.get(0);
        return switch (program) {
            case "sh", "/bin/sh", "bash", "/bin/bash" -> shell(words);
            case "docker", "/usr/bin/docker" -> docker.run(words.subList(1, words.size()));
            case "echo" -> Answer.ok(String.join(" ", words.subList(1, words.size())) + "\n");
            case "true", ":" -> Answer.ok("");
            case "false" -> Answer.fail(1, "");
            case "exit" -> Answer.fail(words.size() > 1 ? Integer.parseInt(words.get(1)) : 0, "");
            case "hostname" -> Answer.ok(node.name() + "\n");
            case "uname" -> Answer.ok("Linux\n");
            default -> Answer.fail(127, "sh: 1: " + program + ": not found\n");
        };
    }

    private Answer shell(List<String> words) {
        if (words.size() < 3 || !words.get(1).equals("-c")) {
            return Answer.fail(2, words.get(0) + ": only -c 'script' is simulated\n");
        }
        String script = words.get(2);
        String name = words.size() > 3 ? words.get(3) : "sh";
        List<String> args = words.size() > 4 ? words.subList(4, words.size()) : List.of();
        if (StateScriptAnswers.answers(name)) {
            return state.run(name, args, stdin);
        }
        if (NodeScripts.answers(script, name)) {
            return scripts.run(script, name, args, stdin);
        }
        if (script.contains(PROBE_MARKER) && script.contains("docker info")) {
            return Answer.ok(docker.info() + PROBE_MARKER + "\n" + docker.inspectManaged()
                    + "--- berth:home ---\n/home/bench\n--- berth:volumes ---\n");
        }
        return run(script);
    }
}
