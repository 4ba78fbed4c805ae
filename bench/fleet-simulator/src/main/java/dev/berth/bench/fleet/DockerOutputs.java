package dev.berth.bench.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a simulated node's docker CLI prints, in the shapes the real one uses. */
final class DockerOutputs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEVER = "0001-01-01T00:00:00Z";
    private static final long MEM_TOTAL = 8L * 1024 * 1024 * 1024;

    private DockerOutputs() {
    }

    /** {@code docker info --format '{{json .}}'}. */
    static String info(SimulatedNode node) {
        ObjectNode info = JSON.createObjectNode();
        info.put("ID", "SIMU:" + node.name().toUpperCase());
        info.put("Containers", node.containers().size());
        info.put("ContainersRunning", node.runningCount());
        info.put("ContainersPaused", 0);
        info.put("ContainersStopped", node.containers().size() - node.runningCount());
        info.put("Images", 3);
        info.put("Driver", "overlay2");
        info.put("LoggingDriver", "json-file");
        info.put("CgroupDriver", "systemd");
        info.put("CgroupVersion", "2");
        info.put("KernelVersion", "6.1.0-28-amd64");
        info.put("OperatingSystem", "Debian GNU/Linux 12 (bookworm)");
        info.put("OSType", "linux");
        info.put("Architecture", "x86_64");
        info.put("NCPU", 4);
        info.put("MemTotal", MEM_TOTAL);
        info.put("Name", node.name());
        info.put("ServerVersion", "24.0.7");
        info.putArray("Labels");
        return write(info) + "\n";
    }

    /** {@code docker inspect --type container ...}: a JSON array, indented like docker's. */
    static String inspect(List<SimulatedContainer> containers) {
        ArrayNode array = JSON.createArrayNode();
        for (SimulatedContainer c : containers) {
            ObjectNode node = array.addObject();
            node.put("Id", c.id());
            node.put("Created", c.created().toString());
            node.put("Path", c.command().split(" ")[0]);
            ObjectNode state = node.putObject("State");
            state.put("Status", c.running() ? "running" : "exited");
            state.put("Running", c.running());
            state.put("Paused", false);
            state.put("Restarting", false);
            state.put("OOMKilled", false);
            state.put("Dead", false);
            state.put("Pid", c.running() ? 1000 + Math.floorMod(c.shortId().hashCode(), 30000) : 0);
            state.put("ExitCode", c.exitCode());
            state.put("Error", "");
            state.put("StartedAt", c.startedAt().toString());
            state.put("FinishedAt", c.finishedAt() == null ? NEVER : c.finishedAt().toString());
            if (c.health() != null) {
                ObjectNode health = state.putObject("Health");
                health.put("Status", c.health());
                health.put("FailingStreak", 0);
                health.putArray("Log");
            }
            node.put("Image", "sha256:" + c.id().substring(8) + c.id().substring(0, 8));
            node.put("Name", "/" + c.name());
            node.put("RestartCount", c.restartCount());
            node.put("Driver", "overlay2");
            node.put("Platform", "linux");
            ObjectNode config = node.putObject("Config");
            config.put("Hostname", c.shortId());
            config.put("Image", c.image());
            ObjectNode labels = config.putObject("Labels");
            c.labels().forEach(labels::put);
            ObjectNode settings = node.putObject("NetworkSettings");
            ObjectNode ports = settings.putObject("Ports");
            if (c.publishes()) {
                ObjectNode binding = ports.putArray(c.containerPort() + "/tcp").addObject();
                binding.put("HostIp", "0.0.0.0");
                binding.put("HostPort", String.valueOf(c.hostPort()));
            }
            ObjectNode bridge = settings.putObject("Networks").putObject("bridge");
            bridge.put("IPAddress", c.running() ? c.ipAddress() : "");
            bridge.put("Gateway", c.running() ? "172.17.0.1" : "");
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code docker ps -q}, full ids with {@code --no-trunc}. */
    static String ids(List<SimulatedContainer> containers, boolean fullIds) {
        StringBuilder out = new StringBuilder();
        containers.forEach(c -> out.append(fullIds ? c.id() : c.shortId()).append('\n'));
        return out.toString();
    }

    /** {@code docker ps --format '{{json .}}'}: one object per line. */
    static String psJsonLines(List<SimulatedContainer> containers, Instant now) {
        StringBuilder out = new StringBuilder();
        for (SimulatedContainer c : containers) {
            ObjectNode line = JSON.createObjectNode();
            line.put("Command", quotedCommand(c));
            line.put("CreatedAt", c.created().toString());
            line.put("ID", c.shortId());
            line.put("Image", c.image());
            line.put("Labels", String.join(",", c.labels().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
            line.put("Names", c.name());
            line.put("Ports", ports(c));
            line.put("RunningFor", ago(c.created(), now));
            line.put("State", c.running() ? "running" : "exited");
            line.put("Status", status(c, now));
            out.append(write(line)).append('\n');
        }
        return out.toString();
    }

    /** {@code docker ps}: the table people read. */
    static String psTable(List<SimulatedContainer> containers, Instant now) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"});
        for (SimulatedContainer c : containers) {
            String command = quotedCommand(c);
            if (command.length() > 22) {
                command = command.substring(0, 21) + "…\"";
            }
            rows.add(new String[]{c.shortId(), c.image(), command, ago(c.created(), now), status(c, now),
                    ports(c), c.name()});
        }
        int[] widths = new int[7];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                out.append(i < row.length - 1 ? String.format("%-" + (widths[i] + 3) + "s", row[i]) : row[i]);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** {@code docker stats --no-stream --format '{{json .}}'}: one object per running container. */
    static String stats(List<SimulatedContainer> containers) {
        StringBuilder out = new StringBuilder();
        for (SimulatedContainer c : containers) {
            if (!c.running()) {
                continue;
            }
            ObjectNode line = JSON.createObjectNode();
            line.put("BlockIO", "0B / 0B");
            line.put("CPUPerc", String.format("%.2f%%", (c.id().charAt(0) % 40) / 10.0));
            line.put("Container", c.name());
            line.put("ID", c.id());
            line.put("MemPerc", "0.40%");
            line.put("MemUsage", (16 + c.id().charAt(1) % 48) + "MiB / 8GiB");
            line.put("Name", c.name());
            line.put("NetIO", "1.2kB / 0B");
            line.put("PIDs", "3");
            out.append(write(line)).append('\n');
        }
        return out.toString();
    }

    private static String quotedCommand(SimulatedContainer c) {
        return "\"" + c.command() + "\"";
    }

    private static String ports(SimulatedContainer c) {
        return c.publishes() && c.running() ? "0.0.0.0:" + c.hostPort() + "->" + c.containerPort() + "/tcp" : "";
    }

    private static String status(SimulatedContainer c, Instant now) {
        if (!c.running()) {
            return "Exited (" + c.exitCode() + ") " + ago(c.finishedAt(), now);
        }
        String up = "Up " + ago(c.startedAt(), now).replace(" ago", "");
        return c.health() == null ? up : up + " (" + c.health() + ")";
    }

    private static String ago(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        if (age.toDays() >= 2) {
            return age.toDays() + " days ago";
        }
        if (age.toHours() >= 2) {
            return age.toHours() + " hours ago";
        }
        return Math.max(1, age.toMinutes()) + " minutes ago";
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
