package dev.berth.cli.config;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Listing.Column;
import dev.berth.config.BerthConfig;
import dev.berth.config.Context;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code berth config get-contexts [NAME...]}: the contexts as a table, or json/yaml/name. */
@Command(name = "get-contexts", description = "List the contexts; the current one is marked with *.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Every context; the current one is marked with *",
                "  berth config get-contexts",
                "",
                "  # Only the contexts prod and lab",
                "  berth config get-contexts prod lab",
                "",
                "  # The names alone, for a script",
                "  berth config get-contexts -o name"})
final class GetContextsCommand extends ConfigVerb {

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Only these contexts (each must exist).")
    List<String> names = List.of();

    @Override
    public Integer call() {
        BerthConfig config = store().load();
        List<Context> chosen = names.isEmpty() ? config.contexts()
                : names.stream().map(name -> existing(config, name)).toList();
        List<Listing.Item> items = chosen.stream().map(context -> item(context, config)).toList();
        print(Listing.of(List.of(Column.of("CURRENT"), Column.of("NAME"), Column.of("CLUSTER"),
                        Column.of("NAMESPACE")), items)
                .withEmptyMessage("No contexts found. Create one with: berth config set-context NAME --cluster FILE"));
        return 0;
    }

    private static Listing.Item item(Context context, BerthConfig config) {
        boolean current = context.name().equals(config.currentContext());
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("name", context.name());
        object.put("cluster", context.cluster());
        object.put("namespace", context.namespace());
        object.put("current", current);
        return new Listing.Item("context/" + context.name(),
                List.of(current ? "*" : "", context.name(), context.cluster(), context.defaultNamespace().orElse("")),
                object);
    }
}
