package dev.berth.state;

import dev.berth.ssh.CommandResult;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One state node's side of the record and the lock, kept in memory: it answers the exact scripts of
 * {@link StateScripts} and {@link LockScripts} as they behave on a server, reading and writing files in a map
 * instead of a disk, with the node's clock taken from {@code clock}. A run that writes the record and a later run
 * that reads it meet the same file.
 */
public final class InMemoryStateNode {
    private static final Pattern GENERATION = Pattern.compile("^\\{\"generation\":([0-9]+)[,}]");

    private final Clock clock;
    private final Map<String, byte[]> files = new TreeMap<>();

    public InMemoryStateNode(Clock clock) {
        this.clock = clock;
    }

    /** The answer to {@code argv} when it is one of the state or lock scripts; empty for any other command. */
    public synchronized Optional<CommandResult> answer(List<String> argv, byte[] stdin) {
        if (argv.size() < 5 || !argv.get(0).equals("sh") || !argv.get(1).equals("-c")) {
            return Optional.empty();
        }
        String script = argv.get(2);
        List<String> args = argv.subList(4, argv.size());
        String directory = args.get(0);
        if (script.equals(StateScripts.READ)) {
            return Optional.of(ok(files.getOrDefault(record(directory), new byte[0])));
        }
        if (script.equals(StateScripts.WRITE)) {
            return Optional.of(complete(args, stdin) ? write(record(directory), Long.parseLong(args.get(1)), stdin)
                    : INCOMPLETE);
        }
        if (script.equals(StateScripts.READ_EVENTS)) {
            return Optional.of(ok(files.getOrDefault(events(directory), new byte[0])));
        }
        if (script.equals(StateScripts.WRITE_EVENTS)) {
            return Optional.of(complete(args, stdin) ? write(events(directory), Long.parseLong(args.get(1)), stdin)
                    : INCOMPLETE);
        }
        if (script.equals(LockScripts.ACQUIRE)) {
            return Optional.of(acquire(directory, args.get(1), Long.parseLong(args.get(2)), args.get(3), args.get(4),
                    args.get(5)));
        }
        if (script.equals(LockScripts.RENEW)) {
            return Optional.of(renew(directory, args.get(1), Long.parseLong(args.get(2))));
        }
        if (script.equals(LockScripts.RELEASE)) {
            return Optional.of(release(directory, args.get(1)));
        }
        if (script.equals(LockScripts.STATUS)) {
            String lease = text(files.get(lock(directory)));
            return Optional.of(ok((lease == null ? "free " + now() + "\n" : "lease " + now() + "\n" + lease)));
        }
        return Optional.empty();
    }

    /** A write's answer when less arrived than it was told: the file stays as it was. */
    private static final CommandResult INCOMPLETE = new CommandResult(1, new byte[0],
            "incomplete: not all of the content arrived\n".getBytes(StandardCharsets.UTF_8));

    private static boolean complete(List<String> args, byte[] stdin) {
        return args.size() > 2 && Long.parseLong(args.get(2)) == stdin.length;
    }

    /** Whether {@code argv} is one of the scripts that read or write the record or the lock. */
    public static boolean isStateScript(List<String> argv) {
        return argv.size() > 2 && argv.get(0).equals("sh") && argv.get(1).equals("-c")
                && List.of(StateScripts.READ, StateScripts.WRITE, StateScripts.READ_EVENTS, StateScripts.WRITE_EVENTS,
                LockScripts.ACQUIRE, LockScripts.RENEW,
                LockScripts.RELEASE, LockScripts.STATUS).contains(argv.get(2));
    }

    /** The stored record file under berth's default directory, as the node holds it. */
    public synchronized Optional<String> record() {
        return Optional.ofNullable(text(files.get(record(StateScripts.DEFAULT_DIRECTORY))));
    }

    /** The lease file under berth's default directory, if a lock is held (or was left behind). */
    public synchronized Optional<String> lease() {
        return Optional.ofNullable(text(files.get(lock(StateScripts.DEFAULT_DIRECTORY))));
    }

    /** The stored events file under berth's default directory, as the node holds it. */
    public synchronized Optional<String> events() {
        return Optional.ofNullable(text(files.get(events(StateScripts.DEFAULT_DIRECTORY))));
    }

    /** Replaces the events file under berth's default directory, as another run would have written it. */
    public synchronized void replaceEvents(String json) {
        files.put(events(StateScripts.DEFAULT_DIRECTORY), json.getBytes(StandardCharsets.UTF_8));
    }

    private CommandResult write(String file, long basedOn, byte[] stdin) {
        String current = text(files.get(file));
        long generation = 0;
        if (current != null) {
            Matcher matcher = GENERATION.matcher(current);
            generation = matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
        }
        if (generation > basedOn) {
            return ok("refused " + generation + "\n");
        }
        files.put(file, stdin.clone());
        return ok("written\n");
    }

    private CommandResult acquire(String directory, String token, long seconds, String holder, String command,
                                  String pid) {
        long now = now();
        Map<String, String> lease = lease(directory);
        if (!lease.isEmpty() && !token.equals(lease.get("token")) && now < expires(lease)) {
            return ok("held " + now + "\n" + text(files.get(lock(directory))));
        }
        String file = "token=" + token + "\nholder=" + holder + "\ncommand=" + command + "\npid=" + pid
                + "\nacquired=" + now + "\nexpires=" + (now + seconds) + "\n";
        files.put(lock(directory), file.getBytes(StandardCharsets.UTF_8));
        return ok("acquired " + now + "\n" + file);
    }

    private CommandResult renew(String directory, String token, long seconds) {
        long now = now();
        Map<String, String> lease = lease(directory);
        if (lease.isEmpty() || !token.equals(lease.get("token"))) {
            String file = text(files.get(lock(directory)));
            return ok("lost " + now + "\n" + (file == null ? "" : file));
        }
        String file = text(files.get(lock(directory))).replaceAll("(?m)^expires=.*$", "expires=" + (now + seconds));
        files.put(lock(directory), file.getBytes(StandardCharsets.UTF_8));
        return ok("renewed " + now + "\n" + file);
    }

    private CommandResult release(String directory, String token) {
        long now = now();
        String file = text(files.get(lock(directory)));
        if (file == null) {
            return ok("free " + now + "\n");
        }
        if (!token.isEmpty() && !token.equals(lease(directory).get("token"))) {
            return ok("other " + now + "\n" + file);
        }
        files.remove(lock(directory));
        return ok("released " + now + "\n" + file);
    }

    private Map<String, String> lease(String directory) {
        String file = text(files.get(lock(directory)));
        Map<String, String> fields = new LinkedHashMap<>();
        if (file != null) {
            file.lines().filter(line -> line.contains("=")).forEach(line ->
                    fields.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        }
        return fields;
    }

    private static long expires(Map<String, String> lease) {
        String expires = lease.getOrDefault("expires", "");
        return expires.matches("[0-9]+") ? Long.parseLong(expires) : 0;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static String record(String directory) {
        return directory + "/state/record.json";
    }

    private static String events(String directory) {
        return directory + "/state/events.json";
    }

    private static String lock(String directory) {
        return directory + "/lock";
    }

    private static String text(byte[] content) {
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
    }

    private static CommandResult ok(String stdout) {
        return ok(stdout.getBytes(StandardCharsets.UTF_8));
    }

    private static CommandResult ok(byte[] stdout) {
        return new CommandResult(0, stdout, new byte[0]);
    }
}
