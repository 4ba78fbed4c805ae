package dev.berth.proxy;

import java.util.List;

/**
 * The replicas behind one port of a Service, in node then pod order.
 *
 * @param name     the Service port's name, {@code null} when it has none
 * @param port     the Service port callers use
 * @param protocol TCP or UDP
 */
public record PortEndpoints(String name, int port, String protocol, List<EndpointAddress> addresses) {

    public PortEndpoints {
        addresses = List.copyOf(addresses);
    }

    /** The addresses that receive traffic. */
    public List<EndpointAddress> ready() {
        return addresses.stream().filter(EndpointAddress::ready).toList();
    }
}
