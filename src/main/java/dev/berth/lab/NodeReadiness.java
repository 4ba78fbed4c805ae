package dev.berth.lab;

import dev.berth.error.ClusterException;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Waits until a node is ready: its container runs, its own engine answers and its sshd greets. */
final class NodeReadiness {
    private final LabDocker docker;

    NodeReadiness(LabDocker docker) {
        this.docker = docker;
    }

    void await(String nodeName, String container, String address, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            ProcessResult running = docker.attempt(LabDockerCommands.isRunning(container));
            if (!running.output().equals("true")) {
                throw new ClusterException("lab: " + nodeName + " stopped while starting (see: docker logs "
                        + container + ")");
            }
            if (docker.attempt(LabDockerCommands.innerEngineVersion(container), Duration.ofSeconds(10)).succeeded()
                    && sshGreets(address)) {
                return;
            }
            pause();
        }
        throw new ClusterException("lab: " + nodeName + " was not ready within " + timeout.toSeconds()
                + " s (see: docker logs " + container + ")");
    }

    /** True when something at address:22 speaks SSH. */
    static boolean sshGreets(String address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, 22), 1000);
            socket.setSoTimeout(2000);
            InputStream in = socket.getInputStream();
            byte[] banner = in.readNBytes(4);
            return new String(banner, StandardCharsets.US_ASCII).equals("SSH-");
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("lab: interrupted while waiting for the nodes");
        }
    }
}
