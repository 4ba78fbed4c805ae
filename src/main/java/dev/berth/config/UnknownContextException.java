package dev.berth.config;

import dev.berth.error.InvalidInputException;

import java.util.List;

/** A context name that the config file does not define (exit 2); the message lists the ones it does. */
public final class UnknownContextException extends InvalidInputException {

    public UnknownContextException(String name, List<String> known) {
        super(message(name, known));
    }

    private static String message(String name, List<String> known) {
        if (known.isEmpty()) {
            return "unknown context \"" + name + "\": no contexts are defined; create one with "
                    + "berth config set-context " + name + " --cluster FILE";
        }
        return "unknown context \"" + name + "\": known contexts are " + String.join(", ", known);
    }
}
