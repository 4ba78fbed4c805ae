package dev.berth.cli.converge;

import dev.berth.plan.Scope;
import dev.berth.error.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code berth scale deployment/NAME --replicas=N}: change the stored replica count and converge. */
@Command(name = "scale",
        description = {"Set the number of replicas of a Deployment in the stored desired state and converge.",
                "Like kubectl scale, the change lives until the next apply of a file with another count."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # Run 5 replicas of deployment web",
                "  berth scale deployment/web --replicas=5",
                "",
                "  # In the namespace shop, waiting until the new replicas are ready",
                "  berth scale deployment api -n shop --replicas 3 --wait",
                "",
                "  # Show where replicas would start or stop, without changing anything",
                "  berth scale deploy/web --replicas=2 --dry-run"})
public final class ScaleCommand extends ConvergingCommand {

    @Parameters(paramLabel = "deployment/NAME", arity = "1..2",
            description = "deployment/NAME, or deployment NAME.")
    List<String> target = new ArrayList<>();

    @Option(names = "--replicas", required = true, paramLabel = "N", description = "The new number of replicas.")
    int replicas;

    @Mixin
    ConvergeOptions converge;

    @Override
    public Integer call() {
        if (replicas < 0) {
            throw new InvalidInputException("--replicas must be 0 or more, got " + replicas);
        }
        String[] typeAndName = target.size() == 2 ? new String[] {target.get(0), target.get(1)}
                : target.get(0).split("/", 2);
        if (typeAndName.length != 2 || typeAndName[1].isEmpty()) {
            throw new InvalidInputException("name the Deployment as deployment/NAME, got \"" + target.get(0) + "\"");
        }
        if (StoredObjects.StoredKind.parse(typeAndName[0]) != StoredObjects.StoredKind.DEPLOYMENT) {
            throw new InvalidInputException("only Deployments can be scaled, got \"" + typeAndName[0] + "\"");
        }
        String ns = namespace();
        String identity = StoredObjects.identity(StoredObjects.StoredKind.DEPLOYMENT, ns, typeAndName[1]);
        return converge("scale", record -> StoredObjects.withReplicas(record, identity, replicas),
                converge.options().within(Scope.of(Set.of(ns + "/" + typeAndName[1]))), false);
    }
}
