package dev.berth.cli.rollout;

import dev.berth.cli.ObjectNames;
import dev.berth.cli.converge.ConvergingCommand;
import dev.berth.cli.converge.StoredObjects;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.Convergence;
import dev.berth.state.StateRecord;
import dev.berth.state.StoredDeployments;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * What every {@code rollout} verb takes: the Deployment as {@code deployment/NAME} ({@code deploy/NAME},
 * {@code deployments/NAME}, {@code deployment NAME}), in the namespace of {@code -n}, else the context's, else
 * {@code default}. The Deployment must be stored on the cluster, as {@code scale} requires it.
 */
abstract class RolloutVerb extends ConvergingCommand {

    @Parameters(paramLabel = "deployment/NAME", arity = "1..2", description = "deployment/NAME, or deployment NAME.")
    List<String> target = new ArrayList<>();

    private boolean told;

    /** The Deployment's name; a type other than a Deployment is a usage error, found before any server. */
    String name() {
        String[] typeAndName = target.size() == 2 ? new String[] {target.get(0), target.get(1)}
                : target.get(0).split("/", 2);
        if (typeAndName.length != 2 || typeAndName[1].isEmpty() || typeAndName[1].contains("/")) {
            throw new InvalidInputException("name the Deployment as deployment/NAME, got \""
                    + String.join(" ", target) + "\"");
        }
        if (StoredObjects.StoredKind.parse(typeAndName[0]) != StoredObjects.StoredKind.DEPLOYMENT) {
            throw new InvalidInputException("rollout " + spec.name() + " works on Deployments only, got \""
                    + typeAndName[0] + "\"");
        }
        return typeAndName[1];
    }

    /** {@code namespace/name}: how the record keeps the Deployment's revisions. */
    String deployment() {
        String name = name();
        return namespace() + "/" + name;
    }

    /** kubectl's name of the Deployment in output: {@code deployment.apps/web}. */
    String objectName() {
        return ObjectNames.of("Deployment", name());
    }

    /** kubectl's name of the Deployment in errors: {@code deployments.apps "web"}. */
    String resourceName() {
        return "deployments.apps \"" + name() + "\"";
    }

    /** What the verb did, printed once after the Deployment's name ({@code rolled back}); null for nothing. */
    String done() {
        return null;
    }

    @Override
    protected List<String> changes(Convergence.Outcome outcome) {
        String done = done();
        if (done == null || told) {
            return List.of();
        }
        told = true;
        return List.of(objectName() + " " + done);
    }

    /** Fails as {@code scale} does (exit 2) unless the record stores the Deployment. */
    void requireStored(StateRecord record) {
        StoredObjects.requireStored(record, StoredDeployments.identity(deployment()));
    }
}
