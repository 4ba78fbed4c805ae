package dev.berth.ssh;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns what MINA and the JDK throw while opening a session into one {@link SshFailure} a user can act on. */
final class SessionFailures {
    private SessionFailures() {
    }

    static SshFailure classify(Endpoint endpoint, Throwable error, String hostKeyRefusal, List<String> identityProblems) {
        String where = endpoint.describe() + ": ";
        if (hostKeyRefusal != null) {
            return new SshFailure(endpoint.label(), FailureKind.HOST_KEY, hostKeyRefusal, error);
        }
        if (find(error, ConnectException.class) != null) {
            return new SshFailure(endpoint.label(), FailureKind.UNREACHABLE, where + "connection refused", error);
        }
        if (find(error, NoRouteToHostException.class) != null) {
            return new SshFailure(endpoint.label(), FailureKind.UNREACHABLE, where + "no route to host", error);
        }
        if (find(error, UnknownHostException.class) != null || find(error, UnresolvedAddressException.class) != null) {
            return new SshFailure(endpoint.label(), FailureKind.UNREACHABLE, where + "unknown host name", error);
        }
        String detail = error == null || error.getMessage() == null ? "connection closed" : error.getMessage();
        if (detail.toLowerCase().contains("authentication")) {
            String message = where + "permission denied for user " + endpoint.user() + " (publickey)";
            if (!identityProblems.isEmpty()) {
                message += "; " + String.join("; ", identityProblems);
            }
            return new SshFailure(endpoint.label(), FailureKind.AUTH, message, error);
        }
        return new SshFailure(endpoint.label(), FailureKind.PROTOCOL, where + detail, error);
    }

    /** The SshFailure inside a future's failure; anything else becomes a protocol failure. */
    static SshFailure unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof SshFailure failure) {
            return failure;
        }
        return new SshFailure("?", FailureKind.PROTOCOL, String.valueOf(cause.getMessage()), cause);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
