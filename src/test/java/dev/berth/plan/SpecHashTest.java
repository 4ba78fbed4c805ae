package dev.berth.plan;

import dev.berth.model.Deployment;
import dev.berth.model.PodSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.berth.plan.Plans.configMap;
import static dev.berth.plan.Plans.desired;
import static dev.berth.plan.Plans.secret;
import static org.assertj.core.api.Assertions.assertThat;

class SpecHashTest {
    private static final Deployment WEB = new DeploymentSpec("web").replicas(3)
            .volume(new PodSpec.Volume("conf", null, null, null,
                    new PodSpec.ConfigMapSource("web-config", List.of(), 0644, null), null))
            .container(new ContainerSpec("app", "nginx:1.27").envFromSecret("TOKEN", "api", "token")
                    .mount("conf", "/etc/nginx/conf.d", true, null)).build();

    private static DesiredState with(String config, String token) {
        return desired(List.of(WEB), List.of(configMap("web-config", Map.of("default.conf", config))),
                List.of(secret("api", "token", token)), List.of());
    }

    @Test
    void isStableAcrossRunsAndReleasesSoThatUpgradingBerthRestartsNothing() {
        assertThat(SpecHash.of(WEB, with("listen 80;", "t0ken"))).isEqualTo("dc4700b60b");
    }

    @Test
    void isTenHexDigits() {
        assertThat(SpecHash.of(WEB, desired(WEB))).matches("[0-9a-f]{10}");
    }

    @Test
    void changesWithAReferencedConfigMap() {
        assertThat(SpecHash.of(WEB, with("listen 81;", "t0ken"))).isNotEqualTo(SpecHash.of(WEB, with("listen 80;", "t0ken")));
    }

    @Test
    void changesWithAReferencedSecret() {
        assertThat(SpecHash.of(WEB, with("listen 80;", "other"))).isNotEqualTo(SpecHash.of(WEB, with("listen 80;", "t0ken")));
    }

    @Test
    void changesWhenAReferencedObjectAppears() {
        assertThat(SpecHash.of(WEB, desired(WEB))).isNotEqualTo(SpecHash.of(WEB, with("listen 80;", "t0ken")));
    }

    @Test
    void ignoresTheReplicaCountAndObjectsTheTemplateDoesNotRead() {
        Deployment scaled = new DeploymentSpec("web").replicas(7)
                .volume(WEB.spec().template().spec().volumes().get(0))
                .container(new ContainerSpec("app", "nginx:1.27").envFromSecret("TOKEN", "api", "token")
                        .mount("conf", "/etc/nginx/conf.d", true, null)).build();
        DesiredState more = desired(List.of(WEB), List.of(configMap("web-config", Map.of("default.conf", "listen 80;")),
                configMap("unrelated", Map.of("a", "b"))), List.of(secret("api", "token", "t0ken")), List.of());

        assertThat(SpecHash.of(scaled, more)).isEqualTo(SpecHash.of(WEB, with("listen 80;", "t0ken")));
    }

    @Test
    void changesWithTheImage() {
        Deployment other = new DeploymentSpec("web").container(new ContainerSpec("app", "nginx:1.28")).build();
        Deployment same = new DeploymentSpec("web").container(new ContainerSpec("app", "nginx:1.27")).build();

        assertThat(SpecHash.of(other, desired(other))).isNotEqualTo(SpecHash.of(same, desired(same)));
    }
}
