package dev.berth.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code -o json}: the object itself when one was asked for, otherwise a Kubernetes-style List. */
final class JsonPrinter implements Printer {
    @Override
    public void print(Listing listing, PrintWriter out, PrintWriter err) {
        try {
            Object document = document(listing);
            out.println(Serialization.json().writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** The object itself when one was asked for and found, otherwise a List of them. */
    static Object document(Listing listing) {
        return listing.single() && listing.items().size() == 1 ? listing.items().get(0).object() : asList(listing);
    }

    static Map<String, Object> asList(Listing listing) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        list.put("items", listing.items().stream().map(Listing.Item::object).toList());
        return list;
    }
}
