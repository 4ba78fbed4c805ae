package dev.berth.ssh;

import java.io.Console;
import java.nio.file.Path;
import java.util.Optional;

/** Asks a person for the passphrase of an identity file, when there is a person to ask. */
@FunctionalInterface
public interface PassphrasePrompt {

    /** The passphrase, or empty when nobody can be asked (cron, CI, a pipe). */
    Optional<String> passphraseFor(Path identityFile);

    /** Never asks: for runs without a terminal. */
    static PassphrasePrompt none() {
        return file -> Optional.empty();
    }

    /** Asks on the controlling terminal without echo, or nobody when there is no terminal. */
    static PassphrasePrompt terminal() {
        return file -> {
            Console console = System.console();
            if (console == null) {
                return Optional.empty();
            }
            char[] typed = console.readPassword("Enter passphrase for %s: ", file);
            return typed == null ? Optional.empty() : Optional.of(new String(typed));
        };
    }
}
