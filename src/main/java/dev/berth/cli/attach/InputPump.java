package dev.berth.cli.attach;

import dev.berth.ssh.StreamedCommand;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Copies local standard input to a remote command on a thread of its own, and ends the command's input at EOF.
 * A daemon thread: a read that blocks on a terminal does not keep berth alive once the command ended.
 */
final class InputPump {
    private static final int CHUNK = 8 * 1024;

    private InputPump() {
    }

    static Thread start(InputStream in, StreamedCommand command) {
        Thread thread = new Thread(() -> pump(in, command), "berth-exec-stdin");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void pump(InputStream in, StreamedCommand command) {
        byte[] buffer = new byte[CHUNK];
        try {
            int read;
            while (!command.exit().isDone() && (read = in.read(buffer)) >= 0) {
                if (read > 0) {
                    command.send(Arrays.copyOf(buffer, read));
                }
            }
        } catch (IOException e) {
            // the command ended or the channel closed; what it returns says the rest
        } finally {
            if (!command.exit().isDone()) {
                command.endInput();
            }
        }
    }
}
