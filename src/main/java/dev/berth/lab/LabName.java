package dev.berth.lab;

import dev.berth.error.InvalidInputException;

import java.util.regex.Pattern;

/**
 * The name of a lab, and the Docker names derived from it. Several labs live side by side, each
 * with its own network {@code berth-<name>}, nodes {@code berth-<name>-node-<i>} and registry.
 */
public record LabName(String value) {
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]{0,19}");

    public LabName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidInputException("invalid lab name \"" + value
                    + "\": use 1-20 lower-case letters, digits or '-', starting with a letter");
        }
    }

    public String network() {
        return "berth-" + value;
    }

    public String nodeContainer(int index) {
        return "berth-" + value + "-node-" + index;
    }

    public String registryContainer() {
        return "berth-" + value + "-registry";
    }

    public String registryVolume() {
        return "berth-" + value + "-registry-data";
    }

    /** The filter that selects every container and network of this lab. */
    public String labelFilter() {
        return "label=" + LabLabels.LAB + "=" + value;
    }

    /** The context the lab registers its inventory under: the lab's name. */
    public String context() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
