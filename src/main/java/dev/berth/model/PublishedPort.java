package dev.berth.model;

/** A container port published on its node: {@code hostIp:hostPort -> containerPort/protocol}. */
public record PublishedPort(String hostIp, int hostPort, int containerPort, String protocol) {

    @Override
    public String toString() {
        String host = hostIp == null || hostIp.isEmpty() || hostIp.equals("0.0.0.0") ? "" : hostIp + ":";
        return host + hostPort + "->" + containerPort + "/" + protocol;
    }
}
