package dev.berth.model;

/**
 * What a node's Docker engine says about the machine ({@code docker info}).
 *
 * @param cpus        logical CPUs the engine sees
 * @param memoryBytes total memory the engine sees
 */
public record EngineFacts(String hostname, String engineVersion, String operatingSystem, String kernelVersion,
                          String architecture, int cpus, long memoryBytes, int containers,
                          int containersRunning) {
}
