package dev.berth.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.model.ContainerUsage;
import dev.berth.model.EngineFacts;
import dev.berth.model.ObservedContainer;
import dev.berth.model.PublishedPort;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where docker's JSON output becomes berth's records. Observed state is parsed here,
 * never scraped from tables anywhere else.
 */
public final class DockerOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");

    private DockerOutput() {
    }

    /** Parses {@code docker info --format '{{json .}}'}. */
    public static EngineFacts engineFacts(String output) {
        JsonNode info = read("engine facts", output);
        if (!info.isObject() || !info.has("ServerVersion")) {
            throw new MalformedOutputException("engine facts", output, null);
        }
        return new EngineFacts(
                info.path("Name").asText(""),
                info.path("ServerVersion").asText(""),
                info.path("OperatingSystem").asText(""),
                info.path("KernelVersion").asText(""),
                info.path("Architecture").asText(""),
                info.path("NCPU").asInt(0),
                info.path("MemTotal").asLong(0),
                info.path("Containers").asInt(0),
                info.path("ContainersRunning").asInt(0));
    }

    /** Parses the JSON array {@code docker inspect} prints for containers. */
    public static List<ObservedContainer> containers(String output) {
        JsonNode array = read("containers", output);
        if (!array.isArray()) {
            throw new MalformedOutputException("containers", output, null);
        }
        List<ObservedContainer> containers = new ArrayList<>();
        for (JsonNode container : array) {
            try {
                containers.add(container(container, output));
            } catch (IllegalArgumentException e) {
                throw new MalformedOutputException("containers", output, e);
            }
        }
        return List.copyOf(containers);
    }

    /** Parses {@code docker stats --no-stream --format '{{json .}}'}: one object per line. */
    public static List<ContainerUsage> usage(String output) {
        List<ContainerUsage> usage = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode stats = read("container usage", line);
            try {
                String[] memory = stats.path("MemUsage").asText("0B / 0B").split("/");
                usage.add(new ContainerUsage(
                        stats.path("ID").asText(),
                        stats.path("Name").asText(),
                        percent(stats.path("CPUPerc").asText("0%")),
                        ByteSize.parse(memory[0]),
                        memory.length > 1 ? ByteSize.parse(memory[1]) : 0,
                        stats.path("PIDs").asInt(0)));
            } catch (IllegalArgumentException e) {
                throw new MalformedOutputException("container usage", line, e);
            }
        }
        return List.copyOf(usage);
    }

    private static ObservedContainer container(JsonNode node, String output) {
        JsonNode state = node.path("State");
        JsonNode config = node.path("Config");
        if (!node.hasNonNull("Id") || !state.isObject()) {
            throw new MalformedOutputException("containers", output, null);
        }
        return new ObservedContainer(
                node.path("Id").asText(),
                stripSlash(node.path("Name").asText()),
                config.path("Image").asText(""),
                strings(config.path("Labels")),
                state.path("Status").asText("unknown"),
                state.path("ExitCode").asInt(0),
                state.path("OOMKilled").asBoolean(false),
                state.path("Health").isObject() ? state.path("Health").path("Status").asText(null) : null,
                node.path("RestartCount").asInt(0),
                instant(node.path("Created").asText(null)),
                instant(state.path("StartedAt").asText(null)),
                instant(state.path("FinishedAt").asText(null)),
                addresses(node.path("NetworkSettings").path("Networks")),
                ports(node.path("NetworkSettings").path("Ports")));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        return values;
    }

    private static Map<String, String> addresses(JsonNode networks) {
        Map<String, String> addresses = new LinkedHashMap<>();
        networks.fields().forEachRemaining(network -> {
            String address = network.getValue().path("IPAddress").asText("");
            if (!address.isEmpty()) {
                addresses.put(network.getKey(), address);
            }
        });
        return addresses;
    }

    private static List<PublishedPort> ports(JsonNode ports) {
        List<PublishedPort> published = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = ports.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> port = fields.next();
            String[] containerSide = port.getKey().split("/");
            int containerPort = Integer.parseInt(containerSide[0]);
            String protocol = containerSide.length > 1 ? containerSide[1] : "tcp";
            for (JsonNode binding : port.getValue()) {
                String hostPort = binding.path("HostPort").asText("");
                if (!hostPort.isEmpty()) {
                    published.add(new PublishedPort(binding.path("HostIp").asText(""),
                            Integer.parseInt(hostPort), containerPort, protocol));
                }
            }
        }
        return published;
    }

    private static Instant instant(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            return instant.equals(NEVER) ? null : instant;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static double percent(String text) {
        String number = text.strip().replace("%", "");
        return number.isEmpty() || number.equals("--") ? 0 : Double.parseDouble(number);
    }

    private static String stripSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static JsonNode read(String what, String output) {
        try {
            JsonNode node = MAPPER.readTree(output);
            if (node == null) {
                throw new MalformedOutputException(what, output, null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedOutputException(what, output, e);
        }
    }
}
