package dev.berth.cli.lab;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Listing.Column;
import dev.berth.cli.output.OutputFormat;
import dev.berth.cli.output.Palette;
import dev.berth.cli.output.Printer;
import dev.berth.lab.LabStatus;

import java.io.PrintWriter;
import java.util.List;

/** Prints a lab's status: a node table and the registry for people, the whole status for programs. */
final class LabStatusListing {
    private LabStatusListing() {
    }

    static void print(LabStatus status, OutputFormat format, Palette palette, PrintWriter out, PrintWriter err,
                      String hint) {
        if (format == OutputFormat.JSON || format == OutputFormat.YAML) {
            Printer.forFormat(format).print(Listing.of(List.of(Column.of("NAME")),
                    List.of(new Listing.Item("lab/" + status.name(), List.of(status.name()), status))).asSingle(),
                    out, err);
            return;
        }
        List<Listing.Item> items = status.nodes().stream().map(node -> new Listing.Item("node/" + node.name(),
                List.of(node.name(), node.status(), node.address(),
                        node.roles().isEmpty() ? "<none>" : String.join(",", node.roles()), node.docker(),
                        node.container()),
                node)).toList();
        Printer.forFormat(format, palette).print(Listing.of(List.of(Column.of("NODE"), Column.of("STATUS"),
                        Column.of("ADDRESS"), Column.of("ROLES"), Column.of("DOCKER"), Column.wide("CONTAINER")), items)
                .withEmptyMessage("No lab \"" + status.name() + "\" is up (start one: " + hint + ")."), out, err);
        if (format == OutputFormat.NAME) {
            return;
        }
        if (status.registry() != null) {
            LabStatus.RegistryStatus registry = status.registry();
            out.println("registry: " + registry.server() + " (" + registry.status()
                    + "; in manifests: image: " + registry.server() + "/berth-hello:v1"
                    + "; push from this machine to " + registry.pushAddress() + ")");
        }
        if (status.inventory() != null) {
            out.println("inventory: " + status.inventory());
        }
        out.flush();
    }
}
