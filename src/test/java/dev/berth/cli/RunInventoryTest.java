package dev.berth.cli;

import dev.berth.config.ClusterFileResolver.Resolution;
import dev.berth.config.ClusterFileResolver.Source;
import dev.berth.model.Cluster;
import dev.berth.model.ObjectMeta;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RunInventoryTest {
    private static final Path FILE = Path.of("/clusters/prod.yaml");

    private final AtomicInteger resolved = new AtomicInteger();
    private final List<Path> read = new ArrayList<>();
    private final RunInventory inventory = new RunInventory(() -> {
        resolved.incrementAndGet();
        return new Resolution(FILE, Source.OPTION, Optional.empty());
    }, file -> {
        read.add(file);
        return cluster("prod");
    });

    private static Cluster cluster(String name) {
        return new Cluster(Cluster.API_VERSION, "Cluster", new ObjectMeta(name, null, Map.of(), Map.of()), null);
    }

    @Test
    void findsTheFileOnceHoweverOftenAsked() {
        inventory.resolution();
        inventory.resolution();
        inventory.cluster();

        assertThat(resolved).hasValue(1);
    }

    @Test
    void readsTheFileItFoundOnceHoweverOftenAsked() {
        Cluster first = inventory.cluster();
        Cluster second = inventory.cluster();

        assertThat(second).isSameAs(first);
        assertThat(read).containsExactly(FILE);
    }

    @Test
    void findingTheFileReadsNothing() {
        assertThat(inventory.resolution().file()).isEqualTo(FILE);
        assertThat(read).isEmpty();
    }

    @Test
    void aFileTheRunRewroteIsNotReadAgain() {
        inventory.cluster();
        Cluster grown = cluster("grown");

        inventory.rewritten(grown);

        assertThat(inventory.cluster()).isSameAs(grown);
        assertThat(read).hasSize(1);
    }
}
