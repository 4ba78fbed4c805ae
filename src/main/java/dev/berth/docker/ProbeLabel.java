package dev.berth.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.berth.model.BerthLabels;
import dev.berth.model.Container;
import dev.berth.model.ContainerProbes;
import dev.berth.model.IntOrString;
import dev.berth.model.Probe;

/**
 * The {@link BerthLabels#PROBES} label: a container's probes as compact JSON, written at {@code docker run} and
 * read back from {@code docker inspect}. Unknown fields are skipped, so that a label written by a newer berth
 * still reads; a probe that then has no handler berth knows is refused rather than guessed at.
 */
public final class ProbeLabel {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ProbeLabel() {
    }

    /** The label's value for a container, named ports resolved; null when the container has no probe. */
    public static String of(Container container) {
        ContainerProbes probes = ContainerProbes.of(container);
        if (probes == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(probes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the probes of " + container.name(), e);
        }
    }

    /** Reads a label's value; a value berth cannot read is a {@link MalformedOutputException}. */
    public static ContainerProbes read(String value) {
        ContainerProbes probes;
        try {
            probes = JSON.readValue(value, ContainerProbes.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedOutputException("the " + BerthLabels.PROBES + " label", value, e);
        }
        if (probes == null) {
            throw new MalformedOutputException("the " + BerthLabels.PROBES + " label", value, null);
        }
        for (Probe probe : probes.all()) {
            int handlers = (probe.httpGet() == null ? 0 : 1) + (probe.tcpSocket() == null ? 0 : 1)
                    + (probe.exec() == null ? 0 : 1);
            boolean ported = (probe.httpGet() == null || numbered(probe.httpGet().port()))
                    && (probe.tcpSocket() == null || numbered(probe.tcpSocket().port()));
            if (handlers != 1 || !ported || probe.periodSeconds() < 1 || probe.timeoutSeconds() < 1
                    || probe.successThreshold() < 1 || probe.failureThreshold() < 1) {
                throw new MalformedOutputException("the " + BerthLabels.PROBES + " label", value, null);
            }
        }
        return probes;
    }

    private static boolean numbered(IntOrString port) {
        return port != null && port.isNumber();
    }
}
