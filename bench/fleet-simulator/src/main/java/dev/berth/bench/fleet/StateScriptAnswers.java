package dev.berth.bench.fleet;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers berth's cluster-state scripts ({@code sh -c SCRIPT berth-state-read DIR ...}, the lock's
 * {@code berth-lock-*}) as the scripts themselves would on a real node: the script is told apart by its
 * {@code $0}, its values are its positional parameters, and the files live in the node's {@link NodeFiles}.
 */
final class StateScriptAnswers {
    private static final Pattern GENERATION = Pattern.compile("^\\{\"generation\":([0-9]+)[,}]");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");

    private final NodeFiles files;
    private final Clock clock;

    StateScriptAnswers(NodeFiles files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    static boolean answers(String name) {
        return name.startsWith("berth-state-") || name.startsWith("berth-lock-");
    }

    /** Whether the script reads its standard input (the record to write). */
    static boolean readsInput(String name) {
        return name.equals("berth-state-write");
    }

    /** {@code name} is the script's {@code $0}, {@code args} its {@code $1...}. */
    SimulatedShell.Answer run(String name, List<String> args, String stdin) {
        if (args.isEmpty()) {
            return SimulatedShell.Answer.fail(2, name + ": berth's directory is missing\n");
        }
        String directory = args.get(0).startsWith("/") ? args.get(0) : "/home/bench/" + args.get(0);
        synchronized (files) {
            return switch (name) {
                case "berth-state-read" -> SimulatedShell.Answer.ok(files.read(directory + "/state/record.json").orElse(""));
                case "berth-state-write" -> write(directory + "/state/record.json", arg(args, 1), stdin);
                case "berth-lock-acquire" -> acquire(directory + "/lock", args);
                case "berth-lock-renew" -> renew(directory + "/lock", args);
                case "berth-lock-release" -> release(directory + "/lock", arg(args, 1));
                case "berth-lock-status" -> status(directory + "/lock");
                default -> SimulatedShell.Answer.fail(127, "sh: 1: " + name + ": not simulated\n");
            };
        }
    }

    private SimulatedShell.Answer write(String path, String basedOn, String record) {
        if (!NUMBER.matcher(basedOn).matches()) {
            return SimulatedShell.Answer.fail(2, "bad generation\n");
        }
        long stored = files.read(path).map(StateScriptAnswers::generation).orElse(0L);
        if (stored > Long.parseLong(basedOn)) {
            return SimulatedShell.Answer.ok("refused " + stored + "\n");
        }
        files.write(path, record);
        return SimulatedShell.Answer.ok("written\n");
    }

    private SimulatedShell.Answer acquire(String path, List<String> args) {
        String seconds = arg(args, 2);
        if (!NUMBER.matcher(seconds).matches()) {
            return SimulatedShell.Answer.fail(2, "bad lease\n");
        }
        long now = now();
        Optional<String> lease = files.read(path);
        if (lease.isPresent() && !field(lease.get(), "token").equals(arg(args, 1)) && now < expires(lease.get())) {
            return SimulatedShell.Answer.ok("held " + now + "\n" + lease.get());
        }
        String written = "token=" + arg(args, 1) + "\nholder=" + arg(args, 3) + "\ncommand=" + arg(args, 4)
                + "\npid=" + arg(args, 5) + "\nacquired=" + now + "\nexpires=" + (now + Long.parseLong(seconds)) + "\n";
        files.write(path, written);
        return SimulatedShell.Answer.ok("acquired " + now + "\n" + written);
    }

    private SimulatedShell.Answer renew(String path, List<String> args) {
        String seconds = arg(args, 2);
        if (!NUMBER.matcher(seconds).matches()) {
            return SimulatedShell.Answer.fail(2, "bad lease\n");
        }
        long now = now();
        Optional<String> lease = files.read(path);
        if (lease.isEmpty() || !field(lease.get(), "token").equals(arg(args, 1))) {
            return SimulatedShell.Answer.ok("lost " + now + "\n" + lease.orElse(""));
        }
        String renewed = lease.get().replaceAll("(?m)^expires=.*$", "expires=" + (now + Long.parseLong(seconds)));
        files.write(path, renewed);
        return SimulatedShell.Answer.ok("renewed " + now + "\n" + renewed);
    }

    private SimulatedShell.Answer release(String path, String token) {
        long now = now();
        Optional<String> lease = files.read(path);
        if (lease.isEmpty()) {
            return SimulatedShell.Answer.ok("free " + now + "\n");
        }
        if (!token.isEmpty() && !field(lease.get(), "token").equals(token)) {
            return SimulatedShell.Answer.ok("other " + now + "\n" + lease.get());
        }
        files.remove(path);
        return SimulatedShell.Answer.ok("released " + now + "\n" + lease.get());
    }

    private SimulatedShell.Answer status(String path) {
        long now = now();
        return files.read(path).map(lease -> SimulatedShell.Answer.ok("lease " + now + "\n" + lease))
                .orElseGet(() -> SimulatedShell.Answer.ok("free " + now + "\n"));
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static long generation(String record) {
        Matcher matcher = GENERATION.matcher(record);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static long expires(String lease) {
        String value = field(lease, "expires");
        return NUMBER.matcher(value).matches() ? Long.parseLong(value) : 0;
    }

    private static String field(String lease, String key) {
        return lease.lines().filter(line -> line.startsWith(key + "=")).map(line -> line.substring(key.length() + 1))
                .reduce((first, last) -> last).orElse("");
    }

    private static String arg(List<String> args, int index) {
        return index < args.size() ? args.get(index) : "";
    }
}
