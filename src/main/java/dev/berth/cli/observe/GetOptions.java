package dev.berth.cli.observe;

import dev.berth.cli.DurationConverter;
import dev.berth.cli.output.JsonPath;
import dev.berth.cli.output.ListingShape;
import dev.berth.error.InvalidInputException;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What only {@code get} takes: kubectl's table options and {@code --watch}. */
public final class GetOptions {

    @Option(names = "--show-labels", description = "Add a LABELS column: every label of each object.")
    boolean showLabels;

    @Option(names = "--no-headers", description = "Leave out the headers of tables and custom columns.")
    boolean noHeaders;

    @Option(names = "--sort-by", paramLabel = "JSONPATH",
            description = "Sort the rows by this field of the objects as -o json prints them, e.g. "
                    + "'{.metadata.name}' or .status.replicas (numbers by value).")
    String sortBy;

    @Option(names = {"-L", "--label-columns"}, paramLabel = "KEY", split = ",",
            description = "Add a column with the value of this label (repeatable, or comma-separated).")
    List<String> labelColumns = new ArrayList<>();

    @Option(names = {"-w", "--watch"},
            description = "After the first list, look again at every --interval and print the rows that changed, "
                    + "until Ctrl-C.")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "How often --watch looks again (default: ${DEFAULT-VALUE}).")
    Duration interval;

    ListingShape shape() {
        JsonPath sort = null;
        if (sortBy != null) {
            String path = sortBy.trim();
            if (path.startsWith("{") && path.endsWith("}")) {
                path = path.substring(1, path.length() - 1);
            }
            if (path.isEmpty()) {
                throw new InvalidInputException("--sort-by needs a path, e.g. --sort-by=.metadata.name");
            }
            sort = JsonPath.parse(path);
        }
        return new ListingShape(showLabels, labelColumns, sort, noHeaders);
    }

    boolean watch() {
        return watch;
    }

    Duration interval() {
        return interval;
    }
}
