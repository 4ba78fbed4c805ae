package dev.berth.ssh;

import org.apache.sshd.common.NamedResource;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which berth proposes key exchanges: the hybrid post-quantum ML-KEM exchange first, then X25519,
 * then everything else in MINA's order. MINA proposes {@code sntrup761x25519} first, which OpenSSH 9.0 to 9.8
 * servers accept; its key generation, in Java on a cold JVM, cost a third of the CPU of a {@code get nodes} on
 * three nodes (docs/adr/0011-fan-out-parallelism.md). ML-KEM is as post-quantum and costs a fraction of it; a
 * server without ML-KEM gets X25519, which every OpenSSH since 6.5 speaks.
 */
final class KeyExchangeOrder {
    static final List<String> FIRST = List.of("mlkem768x25519-sha256", "curve25519-sha256", "curve25519-sha256@libssh.org");

    private KeyExchangeOrder() {
    }

    /** {@code available} reordered: those named in {@link #FIRST} (when available) first, the others after, in order. */
    static <T extends NamedResource> List<T> of(List<T> available) {
        List<T> ordered = new ArrayList<>(available.size());
        for (String name : FIRST) {
            available.stream().filter(factory -> factory.getName().equals(name)).findFirst().ifPresent(ordered::add);
        }
        available.stream().filter(factory -> !FIRST.contains(factory.getName())).forEach(ordered::add);
        return List.copyOf(ordered);
    }
}
