package dev.berth.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The contents of {@code config.yaml}: the known contexts and which one is current.
 * Immutable; every change returns a new value for the store to write.
 */
@JsonPropertyOrder({"apiVersion", "kind", "currentContext", "contexts"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BerthConfig(String currentContext, List<Context> contexts) {
    public static final String API_VERSION = "berth.dev/v1";
    public static final String KIND = "Config";

    public BerthConfig {
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
        if (currentContext != null && currentContext.isBlank()) {
            currentContext = null;
        }
        Set<String> names = new HashSet<>();
        for (Context context : contexts) {
            if (!names.add(context.name())) {
                throw new IllegalArgumentException("context \"" + context.name() + "\" is defined twice");
            }
        }
    }

    /** Reads the file's fields, checking the header so that another kind of file is not taken for a config. */
    static BerthConfig fromFile(String apiVersion, String kind, String currentContext, List<Context> contexts) {
        if (apiVersion != null && !API_VERSION.equals(apiVersion)) {
            throw new IllegalArgumentException("apiVersion must be " + API_VERSION + ", got " + apiVersion);
        }
        if (kind != null && !KIND.equals(kind)) {
            throw new IllegalArgumentException("kind must be " + KIND + ", got " + kind);
        }
        return new BerthConfig(currentContext, contexts);
    }

    public static BerthConfig empty() {
        return new BerthConfig(null, List.of());
    }

    @JsonProperty("apiVersion")
    public String apiVersion() {
        return API_VERSION;
    }

    @JsonProperty("kind")
    public String kind() {
        return KIND;
    }

    public Optional<Context> context(String name) {
        return contexts.stream().filter(context -> context.name().equals(name)).findFirst();
    }

    /** The current context, if one is chosen and still defined. */
    @JsonIgnore
    public Optional<Context> current() {
        return currentContext == null ? Optional.empty() : context(currentContext);
    }

    @JsonIgnore
    public List<String> names() {
        return contexts.stream().map(Context::name).toList();
    }

    /** Adds the context, or replaces the one with the same name in place. */
    public BerthConfig with(Context context) {
        List<Context> changed = new ArrayList<>(contexts);
        int index = names().indexOf(context.name());
        if (index < 0) {
            changed.add(context);
        } else {
            changed.set(index, context);
        }
        return new BerthConfig(currentContext, changed);
    }

    /** Removes the named context; if it was current, no context is current afterwards. */
    public BerthConfig without(String name) {
        List<Context> kept = contexts.stream().filter(context -> !context.name().equals(name)).toList();
        return new BerthConfig(name.equals(currentContext) ? null : currentContext, kept);
    }

    public BerthConfig withCurrent(String name) {
        return new BerthConfig(name, contexts);
    }
}
