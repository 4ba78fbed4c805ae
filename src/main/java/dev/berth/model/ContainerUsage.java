package dev.berth.model;

/** Live resource use of one container ({@code docker stats --no-stream}). */
public record ContainerUsage(String containerId, String name, double cpuPercent, long memoryBytes,
                             long memoryLimitBytes, int pids) {
}
