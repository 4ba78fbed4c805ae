package dev.berth.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Key pairs for tests, made by OpenSSH's own ssh-keygen. */
public final class KeyFiles {
    private KeyFiles() {
    }

    public static Path generate(Path privateKey, String passphrase) throws IOException, InterruptedException {
        return generate(privateKey, passphrase, "ed25519");
    }

    /** A key pair of {@code type} as ssh-keygen's {@code -t} names it: ed25519, ecdsa or rsa. */
    public static Path generate(Path privateKey, String passphrase, String type) throws IOException, InterruptedException {
        Files.createDirectories(privateKey.getParent());
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "berth-test",
                "-f", privateKey.toString()).redirectErrorStream(true).start();
        String output = new String(keygen.getInputStream().readAllBytes());
        if (keygen.waitFor() != 0) {
            throw new IOException("ssh-keygen failed: " + output);
        }
        return privateKey;
    }

    public static Path publicKey(Path privateKey) {
        return Path.of(privateKey + ".pub");
    }
}
