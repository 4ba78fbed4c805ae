package dev.berth.lab;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The containers of one lab, parsed from {@code docker ps} output in {@link #FORMAT}. */
public record LabContainers(List<LabContainer> all) {
    static final String FORMAT = String.join("\t", "{{.Names}}", "{{.State}}", "{{.Image}}",
            label(LabLabels.ROLE), label(LabLabels.NODE), label(LabLabels.ADDRESS), label(LabLabels.ROLES),
            label(LabLabels.KEY));

    public LabContainers {
        all = List.copyOf(all);
    }

    private static String label(String name) {
        return "{{.Label \"" + name + "\"}}";
    }

    public static LabContainers parse(String psOutput) {
        return new LabContainers(psOutput.lines().filter(line -> !line.isBlank()).map(LabContainer::parse).toList());
    }

    /** The nodes, by number. */
    public List<LabContainer> nodes() {
        return all.stream().filter(LabContainer::isNode)
                .sorted(Comparator.comparingInt(LabContainer::index)).toList();
    }

    public Optional<LabContainer> node(int index) {
        return nodes().stream().filter(node -> node.index() == index).findFirst();
    }

    public Optional<LabContainer> registry() {
        return all.stream().filter(LabContainer::isRegistry).findFirst();
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public List<String> names() {
        return all.stream().map(LabContainer::name).toList();
    }
}
