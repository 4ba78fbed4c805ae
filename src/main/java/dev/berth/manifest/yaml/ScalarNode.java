package dev.berth.manifest.yaml;

import dev.berth.manifest.Position;

/** A scalar as YAML resolved it: the text as written and the type YAML gives it. */
public record ScalarNode(Position position, String text, Type type) implements Node {

    /** The YAML core types berth tells apart. */
    public enum Type { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    public boolean isNull() {
        return type == Type.NULL;
    }

    @Override
    public String describe() {
        return switch (type) {
            case STRING -> "a string";
            case INTEGER -> "an integer " + text;
            case FLOAT -> "a number " + text;
            case BOOLEAN -> "a boolean " + text;
            case NULL -> "null";
        };
    }
}
