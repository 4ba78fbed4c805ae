package dev.berth.plan;

import dev.berth.model.Cluster;
import dev.berth.model.EngineFacts;

/**
 * What a node offers to placement: CPU in thousandths of a core and memory in bytes.
 *
 * @param cpuMillis   1000 per core
 * @param memoryBytes total memory
 */
public record Capacity(long cpuMillis, long memoryBytes) {

    /**
     * The inventory's figures where it gives them (a node may keep room for things berth does not run),
     * else what the engine reports: {@code NCPU * 1000} and {@code MemTotal}.
     *
     * @param override the node's {@code capacity} from the inventory, or null
     */
    public static Capacity of(EngineFacts engine, Cluster.Capacity override) {
        long cpu = override != null && override.cpu() != null ? override.cpu().millis() : engine.cpus() * 1000L;
        long memory = override != null && override.memory() != null
                ? override.memory().bytes() : engine.memoryBytes();
        return new Capacity(cpu, memory);
    }
}
