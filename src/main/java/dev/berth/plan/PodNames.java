package dev.berth.plan;

import java.security.SecureRandom;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The random part of replica names. A replica is named like a Kubernetes pod,
 * {@code <deployment>-<spec hash>-<5 characters of [a-z0-9]>}; the characters come from here, so that a
 * seeded source makes plans exact in tests.
 */
@FunctionalInterface
public interface PodNames {
    String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    /** Five characters for the next replica name; the planner asks again when a name is taken. */
    String suffix();

    /** Unpredictable names, for real runs. */
    static PodNames random() {
        return from(new SecureRandom());
    }

    /** The same names for the same seed. */
    static PodNames seeded(long seed) {
        return from(new Random(seed));
    }

    private static PodNames from(RandomGenerator random) {
        return () -> {
            StringBuilder suffix = new StringBuilder(5);
            for (int i = 0; i < 5; i++) {
                suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            return suffix.toString();
        };
    }
}
