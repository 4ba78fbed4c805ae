package dev.berth.exec;

import dev.berth.ssh.PassphrasePrompt;

import java.nio.file.Path;

/**
 * What the machine running berth contributes to SSH: its home (for {@code ~/.ssh/config} and default keys),
 * the local user name, ssh-agent's socket, and whether a person can be asked for a passphrase.
 */
public record LocalSsh(Path home, String localUser, Path agentSocket, PassphrasePrompt prompt) {
}
