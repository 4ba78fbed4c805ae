package dev.berth.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A health check with exactly one handler, and the Kubernetes timings (defaults filled in). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Probe(HttpGet httpGet, TcpSocket tcpSocket, Exec exec, int initialDelaySeconds, int periodSeconds,
                    int timeoutSeconds, int successThreshold, int failureThreshold) {

    /** An HTTP GET to the container; healthy on 200-399. */
    public record HttpGet(String path, IntOrString port, String scheme) {
    }

    /** A TCP connect to the container. */
    public record TcpSocket(IntOrString port) {
    }

    /** A command run in the container; healthy on exit 0. */
    public record Exec(List<String> command) {
        public Exec {
            command = Maps.copy(command);
        }
    }
}
