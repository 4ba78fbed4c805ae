package dev.berth.cli.attach;

import dev.berth.ssh.PtyRequest;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Attributes.OutputFlag;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The terminal berth runs in, in raw mode for {@code exec -t}: every key (Ctrl-C included) goes to the remote
 * terminal as a byte, nothing is echoed or translated here, and size changes (SIGWINCH) are passed on. Closing
 * it puts the terminal back as it was.
 */
final class LocalTerminal implements AutoCloseable {
    private final Terminal terminal;
    private final Attributes saved;

    private LocalTerminal(Terminal terminal) {
        this.terminal = terminal;
        this.saved = terminal.getAttributes();
    }

    /** The process's terminal, when standard input and output are one. */
    static Optional<LocalTerminal> open() {
        try {
            Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).nativeSignals(true).build();
            if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
                terminal.close();
                return Optional.empty();
            }
            return Optional.of(new LocalTerminal(terminal));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The pseudo-terminal to ask of the server: this terminal's type ({@code TERM}) and size. */
    PtyRequest pty(String type) {
        Size size = terminal.getSize();
        return new PtyRequest(type, size.getColumns(), size.getRows());
    }

    /** Switches to raw mode: no echo, no line editing, no signals from keys, no output processing. */
    void raw() {
        Attributes raw = new Attributes(saved);
        raw.setLocalFlags(EnumSet.of(LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.ECHONL, LocalFlag.ISIG,
                LocalFlag.IEXTEN), false);
        raw.setInputFlags(EnumSet.of(InputFlag.IXON, InputFlag.ICRNL, InputFlag.INLCR, InputFlag.IGNCR,
                InputFlag.ISTRIP, InputFlag.BRKINT, InputFlag.PARMRK, InputFlag.INPCK), false);
        raw.setOutputFlag(OutputFlag.OPOST, false);
        raw.setControlChar(ControlChar.VMIN, 1);
        raw.setControlChar(ControlChar.VTIME, 0);
        terminal.setAttributes(raw);
    }

    /** Calls {@code resized} with columns and rows each time the terminal's size changes. */
    void onResize(BiConsumer<Integer, Integer> resized) {
        terminal.handle(Terminal.Signal.WINCH, signal -> {
            Size size = terminal.getSize();
            resized.accept(size.getColumns(), size.getRows());
        });
    }

    InputStream input() {
        return terminal.input();
    }

    OutputStream output() {
        return terminal.output();
    }

    @Override
    public void close() {
        try {
            terminal.setAttributes(saved);
            terminal.flush();
            terminal.close();
        } catch (IOException | RuntimeException e) {
            // the terminal is gone; nothing left to put back
        }
    }
}
