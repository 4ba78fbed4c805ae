package dev.berth.cli;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Printer;
import dev.berth.config.ClusterFileResolver;
import dev.berth.config.ConfigStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/** What every verb shares: the global options, the environment, and output through its own writers. */
@Command(mixinStandardHelpOptions = true)
public abstract class BaseCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    protected BerthCommand root() {
        return (BerthCommand) spec.root().userObject();
    }

    protected Environment environment() {
        return root().environment();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Finds the cluster inventory from --cluster, $BERTH_CLUSTER, the context or ./cluster.yaml. */
    protected ClusterFileResolver clusterFiles() {
        Environment environment = environment();
        ConfigStore store = ConfigStore.forUser(environment.variable("XDG_CONFIG_HOME"), environment.home());
        return new ClusterFileResolver(new ClusterFileResolver.Request(
                Optional.ofNullable(root().clusterOption()),
                environment.variable(ClusterFileResolver.VARIABLE),
                Optional.ofNullable(root().contextOption())),
                store::load, environment::resolve);
    }

    /** Prints a listing in the format chosen with {@code -o}. */
    protected void print(Listing listing) {
        Printer.forFormat(root().outputFormat()).print(listing, out(), err());
    }
}
