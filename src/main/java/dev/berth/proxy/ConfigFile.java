package dev.berth.proxy;

/**
 * A file a rendered configuration refers to, such as a certificate or its key, which the runtime writes beside
 * the configuration before nginx loads it.
 *
 * @param path      relative to the configuration's directory, e.g. {@code tls/default.web-tls.key}
 * @param mode      the file's permission bits: {@code 0600} for a key, {@code 0644} for a certificate
 * @param sensitive whether the content is secret: never shown, logged or diffed
 */
public record ConfigFile(String path, byte[] content, int mode, boolean sensitive) {

    public ConfigFile {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfigFile file && file.path.equals(path) && file.mode == mode
                && file.sensitive == sensitive && java.util.Arrays.equals(file.content, content);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return "ConfigFile[" + path + ", " + content.length + " bytes, mode " + Integer.toOctalString(mode) + "]";
    }
}
