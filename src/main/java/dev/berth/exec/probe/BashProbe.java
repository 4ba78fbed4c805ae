package dev.berth.exec.probe;

import dev.berth.ssh.CommandResult;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The way to a container's port when the node's sshd forbids TCP forwarding: bash's {@code /dev/tcp} on the
 * node, over an exec channel (docs/adr/0008-probes.md). The scripts are fixed text; address, port, request and
 * timeout are positional parameters, so nothing from a manifest runs as shell code. The HTTP script relays the
 * request and prints the answer's head (at most 100 lines of at most 8 KiB), which berth then reads as it
 * reads a direct connection.
 */
final class BashProbe {
    /** The exit status of the scripts when the connection could not be made (bash says why on stderr). */
    static final int NOT_CONNECTED = 97;
    private static final String CONNECT = "exec 3<>\"/dev/tcp/$1/$2\" || exit " + NOT_CONNECTED;
    private static final String HTTP = String.join("\n",
            CONNECT,
            "printf '%s' \"$3\" >&3 || exit 98",
            "n=0",
            "while [ \"$n\" -lt 100 ] && IFS= read -r -t \"$4\" -n 8192 line <&3; do",
            "  printf '%s\\n' \"$line\"; n=$((n + 1))",
            "  [ -z \"${line%$'\\r'}\" ] && break",
            "done",
            "exit 0");

    private BashProbe() {
    }

    static List<String> tcpArgv(String host, int port) {
        return List.of("bash", "-c", CONNECT, "berth-probe", host, Integer.toString(port));
    }

    static List<String> httpArgv(String host, int port, byte[] request, int timeoutSeconds) {
        return List.of("bash", "-c", HTTP, "berth-probe", host, Integer.toString(port),
                new String(request, StandardCharsets.UTF_8), Integer.toString(timeoutSeconds));
    }

    /** Whether the node has no bash to run the scripts with. */
    static boolean noBash(CommandResult result) {
        String err = result.stderrText();
        return result.exitCode() == 127 && err.contains("bash") && (err.contains("not found") || err.contains("No such"));
    }

    static ProbeResult tcpResult(CommandResult result, String host, int port) {
        if (result.succeeded()) {
            return ProbeResult.pass("connected to " + address(host, port));
        }
        return notConnected(result, host, port);
    }

    static ProbeResult httpResult(CommandResult result, String host, int port) {
        if (!result.succeeded()) {
            return notConnected(result, host, port);
        }
        ResponseHead head = new ResponseHead();
        ProbeResult decided = head.feed(result.stdout());
        return decided != null ? decided : head.end();
    }

    /** bash's {@code bash: connect: Connection refused} in Kubernetes' words. */
    private static ProbeResult notConnected(CommandResult result, String host, int port) {
        String err = ExecProbe.firstLine(result.stderrText());
        int said = err.indexOf("connect: ");
        String reason = said < 0 ? err : err.substring(said + "connect: ".length());
        if (reason.isEmpty()) {
            reason = "exit " + result.exitCode();
        }
        return ProbeResult.fail("dial tcp " + address(host, port) + ": connect: " + reason.toLowerCase(Locale.ROOT));
    }

    static String address(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
