package dev.berth.bench.fleet;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which node a connection to the shared SSH server belongs to. The relay in front of each node's
 * port opens its backend connection from a known local port and records it here before the first
 * byte flows; the server looks the node up by the client port it sees.
 */
final class NodeDirectory {
    private final List<SimulatedNode> nodes;
    private final Map<Integer, SimulatedNode> byRelayPort = new ConcurrentHashMap<>();

    NodeDirectory(List<SimulatedNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    void connected(int relayPort, int node) {
        byRelayPort.put(relayPort, nodes.get(node));
    }

    void disconnected(int relayPort) {
        byRelayPort.remove(relayPort);
    }

    /** The node behind a relay connection, or null when the client did not come through a relay. */
    SimulatedNode lookup(int relayPort) {
        return byRelayPort.get(relayPort);
    }

    /** Removes every {@code nth} container of the fleet, counted across the nodes in order; returns how many. */
    int removeEvery(int nth) {
        int seen = 0;
        int removed = 0;
        for (SimulatedNode node : nodes) {
            for (SimulatedContainer container : List.copyOf(node.containers())) {
                if (++seen % nth == 0) {
                    node.containers().remove(container);
                    removed++;
                }
            }
        }
        return removed;
    }

    int openConnections() {
        return byRelayPort.size();
    }
}
