package dev.berth.ssh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The way to a node: the jump hosts to pass, in order, then the node. Built from an {@link SshTarget} and
 * {@code ~/.ssh/config}: explicit target settings win, then ssh_config, then OpenSSH's defaults (port 22,
 * the local user, {@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa}).
 * A jump host takes its user from {@code user@}, then ssh_config, then the node's user.
 */
record Route(List<Endpoint> jumps, Endpoint node) {

    private static final List<String> DEFAULT_IDENTITIES = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    /** What fills the settings a target leaves open. */
    record Defaults(SshConfig config, Path home, String localUser) {
    }

    static Route of(SshTarget target, Defaults defaults) {
        SshConfig config = defaults.config();
        Path home = defaults.home();
        String localUser = defaults.localUser();
        SshConfig.Settings settings = config.settingsFor(target.host());
        String hostName = settings.hostName() != null ? settings.hostName() : target.host();
        int port = target.port() != null ? target.port() : settings.port() != null ? settings.port() : 22;
        String user = target.user() != null ? target.user() : settings.user() != null ? settings.user() : localUser;
        Endpoint node = endpoint(target, target.name(), hostName, port, user, settings, home);
        String jumpSpec = target.jumpHost() != null ? target.jumpHost() : settings.proxyJump();
        List<Endpoint> jumps = new ArrayList<>();
        if (jumpSpec != null && !jumpSpec.isBlank()) {
            for (String hop : jumpSpec.split(",")) {
                jumps.add(jump(hop.strip(), target, user, config, home));
            }
        }
        return new Route(List.copyOf(jumps), node);
    }

    private static Endpoint jump(String hop, SshTarget target, String nodeUser, SshConfig config, Path home) {
        String user = null;
        String host = hop;
        Integer port = null;
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            user = host.substring(0, at);
            host = host.substring(at + 1);
        }
        int colon = host.lastIndexOf(':');
        if (host.startsWith("[") && host.contains("]")) {
            int close = host.indexOf(']');
            if (close + 1 < host.length() && host.charAt(close + 1) == ':') {
                port = Integer.valueOf(host.substring(close + 2));
            }
            host = host.substring(1, close);
        } else if (colon >= 0 && host.indexOf(':') == colon) {
            port = Integer.valueOf(host.substring(colon + 1));
            host = host.substring(0, colon);
        }
        SshConfig.Settings settings = config.settingsFor(host);
        String hostName = settings.hostName() != null ? settings.hostName() : host;
        int resolvedPort = port != null ? port : settings.port() != null ? settings.port() : 22;
        String resolvedUser = user != null ? user : settings.user() != null ? settings.user() : nodeUser;
        return endpoint(target, "jump host " + hop, hostName, resolvedPort, resolvedUser, settings, home);
    }

    private static Endpoint endpoint(SshTarget target, String label, String hostName, int port, String user,
                                     SshConfig.Settings settings, Path home) {
        List<Path> identities = new ArrayList<>(target.identityFiles());
        for (String file : settings.identityFiles()) {
            identities.add(SshConfig.expandPath(file, home, hostName, user));
        }
        boolean explicit = !identities.isEmpty();
        if (!explicit) {
            DEFAULT_IDENTITIES.forEach(name -> identities.add(home.resolve(".ssh").resolve(name)));
        }
        return new Endpoint(label, hostName, port, user, List.copyOf(identities), explicit,
                target.knownHostsFile(), target.hostKeyPolicy(), target.connectTimeout());
    }
}
