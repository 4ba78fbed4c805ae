package dev.berth.cli.lab;

import dev.berth.config.BerthConfig;
import dev.berth.config.ConfigStore;
import dev.berth.config.Context;
import dev.berth.lab.LabName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LabContextTest {
    private final LabName lab = new LabName("lab");
    private final Path inventory = Path.of("/data/berth/labs/lab/cluster.yaml");

    @Test
    void upRegistersTheLabAsTheCurrentContextNextToTheOthers(@TempDir Path config) {
        ConfigStore store = new ConfigStore(config.resolve("config.yaml"));
        store.save(new BerthConfig("prod", List.of(new Context("prod", "/etc/prod.yaml", null))));
        assertThat(LabContext.register(store, lab, inventory)).isEmpty();
        BerthConfig saved = store.load();
        assertThat(saved.currentContext()).isEqualTo("lab");
        assertThat(saved.contexts()).containsExactly(new Context("prod", "/etc/prod.yaml", null),
                new Context("lab", inventory.toString(), null));
    }

    @Test
    void upRepointsAContextOfTheSameNameKeepingItsNamespaceAndSaysWhereItPointedBefore(@TempDir Path config) {
        ConfigStore store = new ConfigStore(config.resolve("config.yaml"));
        store.save(new BerthConfig(null, List.of(new Context("lab", "/old.yaml", "shop"))));
        assertThat(LabContext.register(store, lab, inventory)).contains("/old.yaml");
        assertThat(store.load().context("lab")).contains(new Context("lab", inventory.toString(), "shop"));
    }

    @Test
    void downRemovesTheLabsContextAndLeavesNoneCurrent(@TempDir Path config) {
        ConfigStore store = new ConfigStore(config.resolve("config.yaml"));
        LabContext.register(store, lab, inventory);
        assertThat(LabContext.unregister(store, lab, inventory)).isTrue();
        assertThat(store.load()).isEqualTo(BerthConfig.empty());
        assertThat(LabContext.unregister(store, lab, inventory)).isFalse();
    }

    @Test
    void downKeepsAContextTheUserPointedElsewhere(@TempDir Path config) {
        ConfigStore store = new ConfigStore(config.resolve("config.yaml"));
        store.save(new BerthConfig("lab", List.of(new Context("lab", "/mine.yaml", null))));
        assertThat(LabContext.unregister(store, lab, inventory)).isFalse();
        assertThat(store.load().context("lab")).contains(new Context("lab", "/mine.yaml", null));
    }
}
