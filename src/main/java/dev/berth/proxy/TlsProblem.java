package dev.berth.proxy;

/**
 * What is wrong with a {@code kubernetes.io/tls} Secret's certificate or key, never quoting either.
 *
 * @param key     the Secret key at fault: {@code tls.crt} or {@code tls.key}
 * @param message what is wrong, e.g. {@code does not belong to the certificate in tls.crt}
 */
public record TlsProblem(String key, String message) {

    @Override
    public String toString() {
        return key + " " + message;
    }
}
