package dev.berth.lab;

import dev.berth.error.ClusterException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The lab's SSH key pair: made once per lab with {@code ssh-keygen} and kept with the lab's files, so
 * that a second {@code up} reuses the running nodes, which authorize it.
 *
 * @param publicKey   the public key line ({@code ssh-ed25519 AAAA... comment})
 * @param fingerprint a short hash of the public key, carried by every node as a label
 */
public record LabKey(String publicKey, String fingerprint) {

    static LabKey ensure(LabFiles files, LabName lab, LocalProcess processes) {
        files.createDirectory();
        try {
            if (!Files.exists(files.privateKey()) || !Files.exists(files.publicKey())) {
                Files.deleteIfExists(files.privateKey());
                Files.deleteIfExists(files.publicKey());
                ProcessResult keygen = processes.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "",
                        "-C", "berth-lab-" + lab, "-f", files.privateKey().toString()), Duration.ofSeconds(30));
                if (!keygen.succeeded()) {
                    throw new ClusterException("lab: ssh-keygen failed: " + keygen.reason());
                }
            }
            return of(Files.readString(files.publicKey()).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LabKey of(String publicKey) {
        String[] fields = publicKey.split("\\s+");
        String material = fields.length > 1 ? fields[1] : publicKey;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.US_ASCII));
            return new LabKey(publicKey, HexFormat.of().formatHex(hash, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
