package dev.berth.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs this machine's {@code nginx -t} on a rendered configuration and its files in a directory of their own: the
 * check the runtime makes inside the edge container, without Docker. Tests using it are skipped where nginx is
 * not installed.
 */
final class NginxAccepts {
    static final Path NGINX = Path.of("/usr/sbin/nginx");

    private NginxAccepts() {
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(NGINX), "nginx is not installed at " + NGINX);
    }

    /** Writes the configuration and its files into {@code directory} and asserts that nginx accepts them. */
    static void assertAccepted(NginxConfig config, Path directory) throws IOException, InterruptedException {
        for (ConfigFile file : config.files()) {
            Path path = directory.resolve(file.path());
            Files.createDirectories(path.getParent());
            Files.write(path, file.content());
        }
        Path conf = directory.resolve("nginx.conf");
        Files.writeString(conf, config.text(), StandardCharsets.UTF_8);
        Process nginx = new ProcessBuilder(List.of(NGINX.toString(), "-t", "-q", "-e", "stderr", "-p",
                directory.toString(), "-c", conf.toString())).redirectErrorStream(true).start();
        assertThat(nginx.waitFor(60, TimeUnit.SECONDS)).as("nginx -t ends").isTrue();
        String output = new String(nginx.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(nginx.exitValue()).as("nginx -t on %s says: %s", conf, output).isZero();
    }
}
