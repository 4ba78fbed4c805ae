package dev.berth.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * {@code -o yaml}: one YAML document per object, separated by {@code ---}, so that the output
 * can be fed back to {@code berth validate -f -} or {@code kubectl apply -f -} unchanged.
 */
final class YamlPrinter implements Printer {
    @Override
    public void print(Listing listing, PrintWriter out, PrintWriter err) {
        boolean first = true;
        for (Listing.Item item : listing.items()) {
            if (!first) {
                out.println("---");
            }
            first = false;
            try {
                out.print(Serialization.yaml().writeValueAsString(item.object()));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.flush();
    }
}
