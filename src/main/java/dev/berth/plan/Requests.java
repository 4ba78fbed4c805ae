package dev.berth.plan;

import dev.berth.model.Container;
import dev.berth.model.Quantity;

/**
 * What a container asks of its node for placement: its requests, or, where only a limit is set, the limit
 * (as Kubernetes does); nothing when neither is set.
 */
final class Requests {
    private Requests() {
    }

    static long cpuMillis(Container container) {
        Quantity quantity = of(container, "cpu");
        return quantity == null ? 0 : quantity.millis();
    }

    static long memoryBytes(Container container) {
        Quantity quantity = of(container, "memory");
        return quantity == null ? 0 : quantity.bytes();
    }

    private static Quantity of(Container container, String resource) {
        if (container.resources() == null) {
            return null;
        }
        Quantity request = container.resources().requests().get(resource);
        return request != null ? request : container.resources().limits().get(resource);
    }
}
