package dev.berth.proxy;

import dev.berth.model.Secret;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The certificates the edge serves, as files: {@code tls/NAMESPACE.SECRET.crt} and {@code tls/NAMESPACE.SECRET.key},
 * both mode 0600, since both are a Secret's values (nginx's master process, root, reads them). A Secret that is
 * missing, not of type {@value Secret#TLS}, or whose key does not belong to its certificate serves no host, and a
 * note says so; its hosts are served over HTTP only.
 */
final class EdgeCertificates {
    private final List<Secret> secrets;
    private final List<ConfigFile> files;
    private final List<String> notes;
    private final Map<String, Optional<String>> resolved = new HashMap<>();

    EdgeCertificates(List<Secret> secrets, List<ConfigFile> files, List<String> notes) {
        this.secrets = secrets;
        this.files = files;
        this.notes = notes;
    }

    /** The files' common path without its extension, once their Secret is found good. */
    Optional<String> base(EdgeRoutes.TlsRef tls, String host) {
        String id = tls.namespace() + "/" + tls.secretName();
        Optional<String> base = resolved.computeIfAbsent(id, key -> resolve(tls));
        if (base.isEmpty()) {
            String note = "host " + host + " is served over HTTP only: " + why(tls);
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }
        return base;
    }

    private Optional<String> resolve(EdgeRoutes.TlsRef tls) {
        Optional<Secret> secret = secret(tls);
        if (secret.isEmpty() || problem(secret.get()).isPresent()) {
            return Optional.empty();
        }
        String base = "tls/" + tls.namespace() + "." + tls.secretName();
        files.add(new ConfigFile(base + ".crt", secret.get().values().get("tls.crt"), 0600, false));
        files.add(new ConfigFile(base + ".key", secret.get().values().get("tls.key"), 0600, true));
        return Optional.of(base);
    }

    private String why(EdgeRoutes.TlsRef tls) {
        String id = tls.namespace() + "/" + tls.secretName();
        return secret(tls).map(s -> "Secret " + id + " " + problem(s).orElse(""))
                .orElse("Secret " + id + " is not in the desired state");
    }

    private Optional<Secret> secret(EdgeRoutes.TlsRef tls) {
        return secrets.stream().filter(s -> Endpoints.namespace(s.metadata()).equals(tls.namespace())
                && s.metadata().name().equals(tls.secretName())).findFirst();
    }

    private static Optional<String> problem(Secret secret) {
        if (!Secret.TLS.equals(secret.type())) {
            return Optional.of("is of type " + secret.type() + ", not " + Secret.TLS);
        }
        byte[] certificate = secret.values().get("tls.crt");
        byte[] key = secret.values().get("tls.key");
        if (certificate == null || key == null) {
            return Optional.of("lacks tls.crt or tls.key");
        }
        return TlsKeyPair.check(certificate, key).map(TlsProblem::toString);
    }
}
