package dev.berth.docker;

import java.util.HashMap;
import java.util.Map;

/** The images every node of a fake cluster pulls from: any name can be pulled unless a test says otherwise. */
public final class FakeRegistry {
    private final Map<String, FakeImage> images = new HashMap<>();

    /** The image {@code name}, as the registry has it; one that nobody set up serves 200 on every port. */
    public synchronized FakeImage image(String name) {
        return images.computeIfAbsent(name, FakeImage::new);
    }
}
