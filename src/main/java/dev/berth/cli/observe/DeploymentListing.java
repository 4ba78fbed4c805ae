package dev.berth.cli.observe;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.Listing.Column;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of {@code get deployments}, kubectl's columns: READY is ready replicas of the current template over
 * the desired replicas, UP-TO-DATE the running replicas of the current template, AVAILABLE the ready replicas of
 * any template, AGE since the oldest kept revision was stored.
 */
final class DeploymentListing {

    private DeploymentListing() {
    }

    static Listing of(List<DeploymentStatus> deployments, boolean allNamespaces, Instant now) {
        List<Column> columns = new ArrayList<>();
        if (allNamespaces) {
            columns.add(Column.of("NAMESPACE"));
        }
        columns.addAll(List.of(Column.of("NAME"), Column.of("READY"), Column.of("UP-TO-DATE"),
                Column.of("AVAILABLE"), Column.of("AGE"), Column.wide("REVISION"), Column.wide("IMAGES")));
        List<Listing.Item> items = new ArrayList<>();
        for (DeploymentStatus status : deployments) {
            List<String> cells = new ArrayList<>();
            if (allNamespaces) {
                cells.add(status.namespace());
            }
            cells.addAll(List.of(status.name(), status.ready() + "/" + status.desired(),
                    String.valueOf(status.updated()), String.valueOf(status.available()), age(status, now),
                    status.revision() == 0 ? "<none>" : String.valueOf(status.revision()),
                    String.join(",", status.images())));
            items.add(new Listing.Item("deployment.apps/" + status.name(), cells, DeploymentObject.of(status)));
        }
        return Listing.of(columns, items);
    }

    private static String age(DeploymentStatus status, Instant now) {
        return status.createdAt() == null ? "<unknown>" : Humanize.age(Duration.between(status.createdAt(), now));
    }
}
