package dev.berth.cli;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Listing.Column;
import dev.berth.cli.output.OutputFormat;
import dev.berth.error.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code berth version}: the version and the commit berth was built from. */
@Command(name = "version", description = "Print the version and build commit of berth.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  # The version and build commit",
                "  berth version",
                "",
                "  # The same for a script",
                "  berth version -o json"})
public final class VersionCommand extends BaseCommand {

    @Override
    public Integer call() {
        BuildInfo build = BuildInfo.load();
        OutputFormat format = global().outputFormat();
        if (format == OutputFormat.TABLE || format == OutputFormat.WIDE) {
            out().println(build.describe());
            out().flush();
            return ExitCode.OK.code();
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", build.version());
        document.put("commit", build.commit());
        document.put("dirty", build.dirty());
        document.put("java", Runtime.version().toString());
        print(Listing.of(List.of(Column.of("VERSION")),
                List.of(new Listing.Item("version/" + build.version(), List.of(build.version()), document)))
                .asSingle());
        return ExitCode.OK.code();
    }

    /** Feeds {@code berth --version}. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.load().describe()};
        }
    }
}
