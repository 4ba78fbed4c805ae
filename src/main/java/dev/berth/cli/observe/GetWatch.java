package dev.berth.cli.observe;

import dev.berth.cli.output.Listing;
import dev.berth.cli.output.ListingShape;
import dev.berth.error.ExitCode;
import dev.berth.error.InvalidInputException;
import dev.berth.exec.Pause;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code get -w}: the list once, then at every interval another look, printing only the rows of objects that are
 * new or changed since they were last printed (an AGE that grew is no change), as kubectl's watch does, until the
 * run is interrupted (Ctrl-C).
 */
final class GetWatch {
    private final Function<List<GetRequest>, GetResult> look;
    private final Consumer<Listing> printer;
    private final Pause pause;
    private final Duration interval;

    GetWatch(Function<List<GetRequest>, GetResult> look, Consumer<Listing> printer, Pause pause, Duration interval) {
        this.look = look;
        this.printer = printer;
        this.pause = pause;
        this.interval = interval;
    }

    int run(List<GetRequest> requests, ListingShape shape) {
        if (requests.size() != 1) {
            throw new InvalidInputException("watch is only supported on one resource type at a time");
        }
        Map<String, Object> printed = new HashMap<>();
        Listing first = shape.apply(look.apply(requests).listings().get(0));
        printer.accept(first);
        first.items().forEach(item -> printed.put(item.name(), item.object()));
        ListingShape later = new ListingShape(shape.showLabels(), shape.labelColumns(), shape.sortBy(), true);
        while (true) {
            try {
                pause.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCode.OK.code();
            }
            if (Thread.currentThread().isInterrupted()) {
                return ExitCode.OK.code();
            }
            Listing next = later.apply(look.apply(requests).listings().get(0));
            List<Listing.Item> changed = new ArrayList<>();
            for (Listing.Item item : next.items()) {
                if (!Objects.equals(item.object(), printed.get(item.name()))) {
                    changed.add(item);
                    printed.put(item.name(), item.object());
                }
            }
            if (!changed.isEmpty()) {
                printer.accept(next.withItems(changed));
            }
        }
    }
}
