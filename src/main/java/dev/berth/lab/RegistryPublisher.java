package dev.berth.lab;

import dev.berth.error.ClusterException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Puts the app images into a lab registry through its loopback address on this machine. An image
 * is pushed only when the registry does not already hold the same manifest; the push tag is removed
 * again, so the host's image list keeps only the images' own names.
 */
final class RegistryPublisher {
    private static final String MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";

    private final LabDocker docker;
    private final Consumer<String> progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    RegistryPublisher(LabDocker docker, Consumer<String> progress) {
        this.docker = docker;
        this.progress = progress;
    }

    /** Waits until the registry at {@code pushAddress} (host:port) answers its API. */
    void awaitReady(String pushAddress, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (status(get(pushAddress, "/v2/")) == 200) {
                return;
            }
            pause();
        }
        throw new ClusterException("lab: the registry at " + pushAddress + " did not answer within "
                + timeout.toSeconds() + " s");
    }

    void publish(String pushAddress, List<String> images) {
        for (String image : images) {
            String target = pushAddress + "/" + image;
            Optional<String> held = registryDigest(pushAddress, image);
            String local = docker.require("reading " + image, LabDockerCommands.repoDigests(image));
            if (held.isPresent() && (" " + local + " ").contains("@" + held.get() + " ")) {
                continue;
            }
            docker.require("tagging " + image, LabDockerCommands.tag(image, target));
            docker.require("pushing " + image, LabDockerCommands.push(target));
            docker.attempt(LabDockerCommands.untag(target));
            progress.accept("lab: pushed " + image + " to the lab registry");
        }
    }

    private Optional<String> registryDigest(String pushAddress, String image) {
        int colon = image.lastIndexOf(':');
        String path = "/v2/" + image.substring(0, colon) + "/manifests/" + image.substring(colon + 1);
        HttpRequest head = HttpRequest.newBuilder(URI.create("http://" + pushAddress + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", MANIFEST_V2)
                .timeout(Duration.ofSeconds(5))
                .build();
        return send(head).filter(r -> r.statusCode() == 200)
                .flatMap(r -> r.headers().firstValue("Docker-Content-Digest"));
    }

    private Optional<HttpResponse<Void>> get(String pushAddress, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://" + pushAddress + path))
                .timeout(Duration.ofSeconds(2)).build());
    }

    private Optional<HttpResponse<Void>> send(HttpRequest request) {
        try {
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.discarding()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("lab: interrupted while talking to the registry");
        }
    }

    private static int status(Optional<HttpResponse<Void>> response) {
        return response.map(HttpResponse::statusCode).orElse(0);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("lab: interrupted while waiting for the registry");
        }
    }
}
