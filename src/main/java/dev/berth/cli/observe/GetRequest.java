package dev.berth.cli.observe;

import dev.berth.error.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One type {@code get} was asked for, with the names wanted of it (none: all). Read from kubectl's forms:
 * {@code TYPE [NAME...]}, {@code TYPE1,TYPE2 [NAME...]}, {@code all}, and {@code TYPE/NAME...}.
 */
record GetRequest(ResourceType type, List<String> names) {

    GetRequest {
        names = List.copyOf(names);
    }

    static List<GetRequest> parse(String type, List<String> names) {
        if (type.contains("/")) {
            Map<ResourceType, List<String>> wanted = new LinkedHashMap<>();
            List<String> all = new ArrayList<>();
            all.add(type);
            all.addAll(names);
            for (String word : all) {
                int slash = word.indexOf('/');
                if (slash <= 0 || slash == word.length() - 1) {
                    throw new InvalidInputException("there is no need to specify a resource type as a separate "
                            + "argument when passing arguments in resource/name form (e.g. 'berth get "
                            + "deployment/web pod/web-abc' instead of 'berth get deployment/web web-abc'); not \""
                            + word + "\"");
                }
                wanted.computeIfAbsent(ResourceType.parse(word.substring(0, slash)), t -> new ArrayList<>())
                        .add(word.substring(slash + 1));
            }
            return wanted.entrySet().stream().map(e -> new GetRequest(e.getKey(), e.getValue())).toList();
        }
        List<ResourceType> types = new ArrayList<>();
        for (String word : type.split(",")) {
            if (word.equalsIgnoreCase("all")) {
                ResourceType.ALL.stream().filter(t -> !types.contains(t)).forEach(types::add);
            } else if (!word.isBlank()) {
                ResourceType parsed = ResourceType.parse(word.trim());
                if (!types.contains(parsed)) {
                    types.add(parsed);
                }
            }
        }
        if (types.isEmpty()) {
            throw new InvalidInputException("name a resource type, e.g. berth get pods");
        }
        return types.stream().map(t -> new GetRequest(t, names)).toList();
    }

    /** Whether these requests ask for exactly one object: json and yaml then print it bare. */
    static boolean single(List<GetRequest> requests) {
        return requests.size() == 1 && requests.get(0).names().size() == 1;
    }

    /** Whether several types were asked for ({@code all} included): tables then name each row kind/name. */
    static boolean severalTypes(String type, List<GetRequest> requests) {
        return requests.size() > 1 || type.toLowerCase(Locale.ROOT).contains("all");
    }
}
