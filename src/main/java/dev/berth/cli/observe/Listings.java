package dev.berth.cli.observe;

import dev.berth.cli.output.Listing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Several types' listings as one, for the formats that print one document: json, yaml, name and templates. */
final class Listings {

    private Listings() {
    }

    /** One item, a {@code kind: List} of the listing's objects: what {@code -o yaml} prints of several, as kubectl. */
    static Listing asList(Listing listing) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        list.put("items", listing.items().stream().map(Listing.Item::object).toList());
        return listing.withItems(List.of(new Listing.Item("list", List.of(), list))).asSingle();
    }

    static Listing merged(List<Listing> listings) {
        if (listings.size() == 1) {
            return listings.get(0);
        }
        List<Listing.Item> items = new ArrayList<>();
        listings.forEach(listing -> items.addAll(listing.items()));
        Listing first = listings.get(0);
        return new Listing(first.columns(), items, false, first.emptyMessage(), first.headers());
    }
}
