package dev.berth.cli.observe;

import dev.berth.cli.output.Listing;

import java.util.List;

/** One look of {@code get}: a listing per type asked for, and the exit code it earned. */
record GetResult(List<Listing> listings, int exitCode) {
    GetResult {
        listings = List.copyOf(listings);
    }
}
