package dev.berth.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A health check with exactly one handler, and the Kubernetes timings (defaults filled in). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Probe(HttpGet httpGet, TcpSocket tcpSocket, Exec exec, int initialDelaySeconds, int periodSeconds,
                    int timeoutSeconds, int successThreshold, int failureThreshold) {

    /**
     * An HTTP GET to the container; healthy on 200-399.
     *
     * @param httpHeaders sent with the request, in order; a {@code Host} or {@code User-Agent} here replaces
     *                    berth's own
     */
    public record HttpGet(String path, IntOrString port, String scheme,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<HttpHeader> httpHeaders) {
        public HttpGet {
            httpHeaders = Maps.copy(httpHeaders);
        }

        public HttpGet(String path, IntOrString port, String scheme) {
            this(path, port, scheme, List.of());
        }
    }

    /** One header of an HTTP probe's request. */
    public record HttpHeader(String name, String value) {
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
