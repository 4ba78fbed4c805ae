package dev.berth.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BerthConfigTest {
    private final Context prod = new Context("prod", "/srv/prod.yaml", "web");
    private final Context lab = new Context("lab", "/srv/lab.yaml", null);
    private final BerthConfig config = new BerthConfig("prod", List.of(prod, lab));

    @Test
    void addsANewContextAtTheEnd() {
        Context staging = new Context("staging", "/srv/staging.yaml", null);
        assertThat(config.with(staging).contexts()).containsExactly(prod, lab, staging);
    }

    @Test
    void replacesAContextOfTheSameNameInPlace() {
        Context moved = prod.withCluster("/elsewhere.yaml");
        assertThat(config.with(moved).contexts()).containsExactly(moved, lab);
    }

    @Test
    void deletingTheCurrentContextLeavesNoneCurrent() {
        assertThat(config.without("prod")).isEqualTo(new BerthConfig(null, List.of(lab)));
    }

    @Test
    void deletingAnotherContextKeepsTheCurrentOne() {
        assertThat(config.without("lab")).isEqualTo(new BerthConfig("prod", List.of(prod)));
    }

    @Test
    void aCurrentContextThatIsNotDefinedIsNotCurrent() {
        assertThat(config.withCurrent("gone").current()).isEmpty();
        assertThat(config.current()).contains(prod);
    }

    @Test
    void aBlankNamespaceMeansNone() {
        assertThat(prod.withNamespace("").defaultNamespace()).isEmpty();
    }
}
