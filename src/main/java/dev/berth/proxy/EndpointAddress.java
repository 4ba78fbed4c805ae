package dev.berth.proxy;

/**
 * One replica behind one Service port: where it runs and the host port its container port is published on.
 *
 * @param node    the node's name
 * @param address the address the port is published on: the node's cluster address
 * @param port    the published host port of the container port the Service's {@code targetPort} names
 * @param pod     the replica's pod name
 * @param ready   whether the replica is ready ({@link dev.berth.model.ObservedPod#ready()}); only ready
 *                replicas receive traffic, the others are shown and not routed
 */
public record EndpointAddress(String node, String address, int port, String pod, boolean ready) {

    /** {@code address:port}, with brackets around an IPv6 address, as nginx and kubectl write it. */
    public String hostPort() {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
}
