package dev.berth.cli.observe;

import dev.berth.cli.CliRunner;
import dev.berth.cli.FakeClusterCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EventsOnFakeClusterTest {
    private static final String HELLO = "examples/hello/";

    @Test
    void explore(@TempDir Path directory) throws IOException {
        FakeClusterCli fake = new FakeClusterCli(directory);
        fake.cluster().image("berth-registry:5000/berth-hello:v1").notInRegistry();
        CliRunner.Result apply = fake.berth("apply", "-f", HELLO);
        System.out.println(apply);
        System.out.println(fake.berth("get", "pods"));
        System.out.println(fake.berth("get", "pods", "-o", "yaml"));
        fake.clock().advance(Duration.ofSeconds(150));
        System.out.println(fake.berth("get", "events").out());
        System.out.println(fake.berth("get", "events", "-o", "wide").out());
        System.out.println(fake.berth("describe", "pod", "hello-2bbc5fece9-ckc87").out());
        System.out.println(fake.berth("describe", "deployment", "hello").out());
        System.out.println(fake.berth("scale", "deployment/hello", "--replicas", "3"));
        System.out.println(fake.berth("get", "events", "-o", "yaml").out());
        System.out.println(fake.berth("describe", "node", "node-1").out());
        assertThat(apply.exitCode()).isZero();
    }
}
