package dev.berth.manifest;

/** The bytes of one manifest file, and the name it is reported under (the path as the user gave it). */
public record ManifestInput(String name, byte[] content) {
}
