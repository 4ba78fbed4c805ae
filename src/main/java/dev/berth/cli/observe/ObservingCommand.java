package dev.berth.cli.observe;

import dev.berth.cli.BaseCommand;
import dev.berth.error.BerthException;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.ClusterAccess;
import dev.berth.state.ClusterEvent;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What get, describe and top share: {@code TYPE [NAME...]}, {@code -n}, {@code -A} and {@code -l}. */
abstract class ObservingCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "TYPE", description = "nodes (no), deployments (deploy), pods (po), "
            + "services (svc), ingresses (ing), endpoints (ep), configmaps (cm), secrets, namespaces (ns), "
            + "persistentvolumeclaims (pvc) or events (ev), as far as the verb shows them.")
    String type;

    @Parameters(index = "1..*", paramLabel = "NAME", description = "Only these objects (default: all).")
    List<String> names = new ArrayList<>();

    @Mixin
    ScopeOptions scope;

    /** The TYPE, if this verb shows it. {@code -n} and {@code -A} mean nothing to nodes and are let be, as kubectl does. */
    ResourceType resource(ResourceType... shown) {
        ResourceType resource = ResourceType.parse(type);
        if (!Arrays.asList(shown).contains(resource)) {
            throw new InvalidInputException(spec.name() + " shows " + Arrays.stream(shown).map(ResourceType::plural)
                    .collect(Collectors.joining(" or ")) + ", not " + resource.plural());
        }
        global().outputFormat();
        return resource;
    }

    /**
     * The events berth's runs recorded, for a page or listing that shows them beside what it found: when they
     * cannot be read, a warning says why and the rest is shown without them.
     */
    List<ClusterEvent> eventsBeside(ClusterAccess access, String command) {
        try {
            return clusterState(access, command).readEvents().events();
        } catch (BerthException e) {
            err().println("warning: the events could not be read: " + e.getMessage());
            return List.of();
        }
    }

    /** Which pods and deployments to show: -n (else the context's namespace, else default), -A, -l, NAMEs. */
    PodFilter filter() {
        return scope.pods(namespace(), names);
    }
}
