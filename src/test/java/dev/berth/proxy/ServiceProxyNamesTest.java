package dev.berth.proxy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProxyNamesTest {

    @Test
    void theProxyIsNamedAfterTheServiceWithinDockersNameRules() {
        String name = ServiceProxyNames.containerName("shop", "api");

        assertThat(name).isEqualTo("berth-svc.shop.api").matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    }

    @Test
    void itsAliasesAndTheReplicasSearchDomainGiveAllFourNamesKubernetesGives() {
        assertThat(ServiceProxyNames.aliases("shop", "api"))
                .containsExactly("api.shop", "api.shop.svc", "api.shop.svc.cluster.local");
        assertThat("api." + ServiceProxyNames.dnsSearch("shop")).isEqualTo("api.shop.svc.cluster.local");
    }
}
