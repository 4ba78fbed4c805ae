package dev.berth.cli;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Palette;
import dev.berth.cli.output.Printer;
import dev.berth.config.ClusterFileResolver;
import dev.berth.config.ConfigStore;
import dev.berth.exec.ClusterAccess;
import dev.berth.exec.ClusterPicture;
import dev.berth.exec.LocalSsh;
import dev.berth.exec.TransportOpener;
import dev.berth.manifest.InventoryReader;
import dev.berth.model.Cluster;
import dev.berth.model.ObjectMeta;
import dev.berth.plan.Planner;
import dev.berth.ssh.PassphrasePrompt;
import dev.berth.state.ClusterState;
import dev.berth.state.Holder;
import dev.berth.state.StateNodes;
import dev.berth.state.StateSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * What every verb shares: the global options, the environment, and output through its own writers. The
 * environment and the global options are handed over by {@link VerbFactory} when picocli creates the verb.
 */
@Command(mixinStandardHelpOptions = true)
public abstract class BaseCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    private static final DateTimeFormatter TRACE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private Environment environment;
    private GlobalOptions global;
    private RunInventory inventory;

    /** Called once, by the factory that creates the verb for a run. */
    final void join(Environment environment, GlobalOptions global) {
        this.environment = environment;
        this.global = global;
    }

    /** --cluster, --context, -v, --no-color and -o of this run, wherever on the command line they were given. */
    protected GlobalOptions global() {
        return global;
    }

    protected Environment environment() {
        return environment;
    }

    /** Whether output may be coloured or otherwise decorated for a person at a terminal. */
    protected boolean decorates() {
        return environment.decorates(global.noColor());
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The cluster inventory of this run: the file, where it was named, and the context in effect. Found once. */
    protected ClusterFileResolver.Resolution clusterFile() {
        return inventory().resolution();
    }

    /** The namespace of this run: {@code -n} wherever it was given, else the context's, else {@code default}. */
    protected String namespace() {
        String given = global.namespaceOption();
        return given != null ? given : clusterFile().defaultNamespace().orElse(ObjectMeta.DEFAULT_NAMESPACE);
    }

    /** The cluster the inventory describes, read once per run. */
    protected Cluster cluster() {
        return inventory().cluster();
    }

    /** The run rewrote the inventory file (the provisioner added a node): later steps see {@code cluster}. */
    protected void inventoryRewritten(Cluster cluster) {
        inventory().rewritten(cluster);
    }

    /** Forgets the inventory found and read so far: the next step finds and reads it again (reconcile --watch). */
    protected void readInventoryAgain() {
        inventory = null;
    }

    private RunInventory inventory() {
        if (inventory == null) {
            inventory = new RunInventory(() -> clusterFiles().resolve(), new InventoryReader()::read);
        }
        return inventory;
    }

    /** Finds the cluster inventory from --cluster, $BERTH_CLUSTER, the context or ./cluster.yaml. */
    private ClusterFileResolver clusterFiles() {
        Environment environment = environment();
        ConfigStore store = ConfigStore.forUser(environment.variable("XDG_CONFIG_HOME"), environment.home());
        return new ClusterFileResolver(new ClusterFileResolver.Request(
                Optional.ofNullable(global().clusterOption()),
                environment.variable(ClusterFileResolver.VARIABLE),
                Optional.ofNullable(global().contextOption())),
                store::load, environment::resolve);
    }

    /** Opens this run's way to the cluster of the inventory; close it when done. */
    protected ClusterAccess connect() {
        environment().transports().prepare();
        return connect(cluster());
    }

    /** Opens a way to {@code cluster}; close it when done. */
    protected ClusterAccess connect(Cluster cluster) {
        Environment environment = environment();
        LocalSsh local = new LocalSsh(environment.home(),
                environment.variable("USER").orElse(System.getProperty("user.name")),
                environment.variable("SSH_AUTH_SOCK").map(Path::of).orElse(null),
                environment.interactive() ? PassphrasePrompt.terminal() : PassphrasePrompt.none());
        TransportOpener opener = environment.transports();
        if (global.verbosity() >= GlobalOptions.REMOTE_COMMANDS) {
            opener = opener.traced(this::trace, global.verbosity() >= GlobalOptions.SSH_HANDSHAKES);
        }
        return ClusterAccess.open(cluster, local, environment::resolve, opener);
    }

    /** One line of {@code -v=6}: on stderr, stamped with the time of day as kubectl stamps its own. */
    private void trace(String line) {
        PrintWriter err = err();
        synchronized (err) {
            err.println(TRACE_TIME.format(environment.clock().instant()) + " " + line);
            err.flush();
        }
    }

    /**
     * The state the cluster keeps on its state nodes, for a run of {@code command} (e.g. {@code berth apply}): its
     * record and its lock, held in the name of {@code user@host} and this process.
     */
    protected ClusterState clusterState(ClusterAccess access, String command) {
        Environment environment = environment();
        String user = environment.variable("USER").orElse(System.getProperty("user.name"));
        String host = environment.variable("HOSTNAME").orElseGet(BaseCommand::hostName);
        return new ClusterState(access.transport(), access.fanOut(),
                StateNodes.of(access.cluster()).stream().map(access::node).toList(),
                new Holder(user + "@" + host, command, ProcessHandle.current().pid()), environment.clock(),
                StateSettings.defaults());
    }

    /**
     * Every node observed, the stored desired state read (no lock) and planned against them: what the observing
     * verbs show, including why replicas are pending.
     */
    protected ClusterPicture picture(ClusterAccess access, String command) {
        return ClusterPicture.take(access, clusterState(access, command), planner(access));
    }

    /** The planner of this run: with the inventory's edge and the Service proxies, unless the world runs no nginx. */
    protected Planner planner(ClusterAccess access) {
        return new Planner(environment().podNames(), environment().proxies() ? access.cluster().spec().edge() : null);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Prints a listing in the format chosen with {@code -o}. */
    protected void print(Listing listing) {
        Printer.forChoice(global().outputChoice(), palette()).print(listing, out(), err());
    }

    /** Colour for stdout: only on a terminal, and neither {@code NO_COLOR} nor {@code --no-color} set. */
    protected Palette palette() {
        return Palette.of(decorates());
    }
}
