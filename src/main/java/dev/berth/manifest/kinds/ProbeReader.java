package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Names;
import dev.berth.manifest.schema.Rule;
import dev.berth.manifest.schema.Shape;
import dev.berth.model.IntOrString;
import dev.berth.model.Probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a probe: exactly one of httpGet (plain HTTP, with optional headers), tcpSocket, exec, and the timings
 * with Kubernetes' defaults.
 */
final class ProbeReader {
    static final Shape SHAPE = Shape.of("httpGet", "tcpSocket", "exec", "initialDelaySeconds", "periodSeconds",
            "timeoutSeconds", "successThreshold", "failureThreshold").unsupported("grpc", "terminationGracePeriodSeconds");
    static final Shape HTTP_GET = Shape.of("path", "port", "scheme", "httpHeaders").unsupported("host");
    static final Shape HTTP_HEADER = Shape.of("name", "value");
    /** RFC 9110's token: the characters a header name may have. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Rule HEADER_NAME = name -> TOKEN.matcher(name).matches() ? null
            : "must be an HTTP header name (letters, digits and !#$%&'*+-.^_`|~), got \"" + name + "\"";
    private static final Rule HEADER_VALUE = value -> value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)
            ? "must not hold a line break or another control character" : null;
    private static final Rule REQUEST_PATH = path -> path.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)
            ? "must not hold spaces or control characters (write a space as %20), got \"" + path + "\"" : null;
    private static final Rule SCHEME = scheme -> switch (scheme) {
        case "HTTP" -> null;
        case "HTTPS" -> "HTTPS is not supported: berth's probes speak plain HTTP to the container;"
                + " use HTTP, or a tcpSocket probe";
        default -> "must be HTTP, got \"" + scheme + "\"";
    };
    static final Shape TCP_SOCKET = Shape.of("port").unsupported("host");
    static final Shape EXEC = Shape.of("command");

    private ProbeReader() {
    }

    static Probe read(Fields container, String key, Set<String> portNames) {
        Optional<Fields> found = container.object(key, SHAPE);
        if (found.isEmpty()) {
            return null;
        }
        Fields probe = found.get();
        Probe.HttpGet httpGet = probe.object("httpGet", HTTP_GET).map(h -> httpGet(h, portNames)).orElse(null);
        Probe.TcpSocket tcp = probe.object("tcpSocket", TCP_SOCKET)
                .map(t -> new Probe.TcpSocket(port(t, portNames))).orElse(null);
        Probe.Exec exec = probe.object("exec", EXEC).map(ProbeReader::exec).orElse(null);
        long handlers = List.of("httpGet", "tcpSocket", "exec").stream().filter(probe::has).count();
        if (handlers != 1) {
            probe.problems().error(probe.position(), probe.path(), "must set exactly one of httpGet, tcpSocket, exec");
        }
        int initialDelay = DeploymentReader.orElse(probe.integer("initialDelaySeconds", 0, Integer.MAX_VALUE), 0);
        int period = DeploymentReader.orElse(probe.integer("periodSeconds", 1, Integer.MAX_VALUE), 10);
        int timeout = DeploymentReader.orElse(probe.integer("timeoutSeconds", 1, Integer.MAX_VALUE), 1);
        int success = DeploymentReader.orElse(probe.integer("successThreshold", 1, Integer.MAX_VALUE), 1);
        if (success != 1 && !key.equals("readinessProbe")) {
            probe.error("successThreshold", "must be 1 for a " + key + ", got " + success);
        }
        int failure = DeploymentReader.orElse(probe.integer("failureThreshold", 1, Integer.MAX_VALUE), 3);
        return new Probe(httpGet, tcp, exec, initialDelay, period, timeout, success, failure);
    }

    private static Probe.HttpGet httpGet(Fields http, Set<String> portNames) {
        String path = http.string("path", ContainerReader::absolutePath, REQUEST_PATH);
        String scheme = http.string("scheme", SCHEME);
        List<Probe.HttpHeader> headers = new ArrayList<>();
        for (Fields header : http.objects("httpHeaders", HTTP_HEADER)) {
            String name = header.requiredString("name", HEADER_NAME);
            String value = header.requiredString("value", HEADER_VALUE);
            if (name != null && value != null) {
                headers.add(new Probe.HttpHeader(name, value));
            }
        }
        return new Probe.HttpGet(path == null ? "/" : path, port(http, portNames), scheme == null ? "HTTP" : scheme,
                headers);
    }

    private static IntOrString port(Fields handler, Set<String> portNames) {
        if (!handler.has("port")) {
            return handler.missing("port");
        }
        IntOrString port = handler.port("port", Names.PORT);
        if (port != null && !port.isNumber() && !portNames.contains(port.text())) {
            handler.error("port", "no container port is named \"" + port.text() + "\"");
        }
        return port;
    }

    private static Probe.Exec exec(Fields exec) {
        if (!exec.has("command")) {
            return exec.missing("command");
        }
        List<String> command = exec.strings("command");
        if (command.isEmpty()) {
            exec.error("command", "must not be empty");
        }
        return new Probe.Exec(command);
    }
}
