package dev.berth.cli.config;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Listing.Column;
import dev.berth.cli.output.OutputFormat;
import dev.berth.cli.output.Printer;
import dev.berth.config.BerthConfig;
import dev.berth.error.InvalidInputException;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code berth config view}: the config file as berth reads it, in yaml (default) or json. */
@Command(name = "view", description = {"Print the config file as berth reads it: yaml, or json with -o json.",
        "A missing file is shown as an empty config."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # The config file as yaml",
                "  berth config view",
                "",
                "  # As json, for a script",
                "  berth config view -o json"})
final class ViewCommand extends ConfigVerb {

    @Override
    public Integer call() {
        OutputFormat format = switch (global().outputFormat()) {
            case TABLE, YAML -> OutputFormat.YAML;
            case JSON -> OutputFormat.JSON;
            case WIDE, NAME, JSONPATH, CUSTOM_COLUMNS -> throw new InvalidInputException(
                    "berth config view prints yaml (the default) or json, not " + global().outputFormat().flag());
        };
        BerthConfig config = store().load();
        Listing listing = Listing.of(List.of(Column.of("FILE")),
                List.of(new Listing.Item("config", List.of(store().file().toString()), config))).asSingle();
        Printer.forFormat(format).print(listing, out(), err());
        return 0;
    }
}
