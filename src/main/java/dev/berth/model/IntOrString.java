package dev.berth.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A Kubernetes int-or-string: a port number or a port name, a count or a percentage. */
public record IntOrString(Integer number, String text) {

    public IntOrString {
        if ((number == null) == (text == null)) {
            throw new IllegalArgumentException("exactly one of number and text");
        }
    }

    public static IntOrString of(int number) {
        return new IntOrString(number, null);
    }

    public static IntOrString of(String text) {
        return new IntOrString(null, text);
    }

    /** Reads what {@link #value()} wrote: a number or a text. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static IntOrString read(Object value) {
        if (value instanceof Integer number) {
            return of(number);
        }
        if (value instanceof String text) {
            return of(text);
        }
        throw new IllegalArgumentException("not a number or a text: " + value);
    }

    public boolean isNumber() {
        return number != null;
    }

    @JsonValue
    public Object value() {
        return number != null ? number : text;
    }

    /** For a count or a percentage: the absolute value against a total, rounding up or down as asked. */
    public int resolve(int total, boolean roundUp) {
        if (number != null) {
            return number;
        }
        int percent = Integer.parseInt(text.substring(0, text.length() - 1));
        double exact = total * percent / 100.0;
        return (int) (roundUp ? Math.ceil(exact) : Math.floor(exact));
    }

    @Override
    public String toString() {
        return String.valueOf(value());
    }
}
