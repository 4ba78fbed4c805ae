package dev.berth.ssh;

import java.util.Optional;

/**
 * How a streamed command is run: whether the caller sends it standard input (otherwise its input ends at once),
 * and whether it gets a pseudo-terminal.
 */
public record StreamOptions(boolean input, Optional<PtyRequest> pty) {

    /** Output only, as {@code docker logs -f} needs. */
    public static StreamOptions outputOnly() {
        return new StreamOptions(false, Optional.empty());
    }

    /** Standard input from the caller, no terminal: for pipes. */
    public static StreamOptions withInput() {
        return new StreamOptions(true, Optional.empty());
    }

    /** Standard input from the caller on a pseudo-terminal of {@code pty}'s type and size. */
    public static StreamOptions terminal(PtyRequest pty) {
        return new StreamOptions(true, Optional.of(pty));
    }
}
