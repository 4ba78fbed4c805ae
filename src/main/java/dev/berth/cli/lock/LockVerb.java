package dev.berth.cli.lock;

import dev.berth.cli.BaseCommand;
import dev.berth.error.ClusterException;
import dev.berth.exec.ClusterAccess;
import dev.berth.state.ClusterState;
import dev.berth.state.LockStatus;

import java.time.ZoneId;
import java.util.function.Function;

/** What {@code lock status} and {@code lock release} share: the state nodes of the cluster, and the table. */
abstract class LockVerb extends BaseCommand {

    /** Runs {@code action} on the cluster's state, prints each node's lock and exits 3 without a majority. */
    protected int show(String command, Function<ClusterState, LockStatus> action) {
        LockStatus status;
        try (ClusterAccess access = connect()) {
            status = action.apply(clusterState(access, command));
        }
        print(LockListing.of(status, ZoneId.systemDefault()));
        long unreachable = status.nodes().stream()
                .filter(lock -> lock.state() == LockStatus.State.UNREACHABLE).count();
        status.nodes().stream().filter(lock -> lock.error() != null)
                .forEach(lock -> err().println("warning: Unreachable: " + lock.error()));
        err().flush();
        if (status.nodes().size() - unreachable < status.needed()) {
            throw new ClusterException(unreachable + " of " + status.nodes().size() + " state nodes did not answer ("
                    + status.needed() + " must answer)");
        }
        return 0;
    }
}
