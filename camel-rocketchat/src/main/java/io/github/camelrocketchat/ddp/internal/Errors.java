package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.DdpMethodException;
import io.github.camelrocketchat.ddp.protocol.DdpError;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Small helpers for turning wire errors and Java failures into the client's exceptions. */
public final class Errors {
    private Errors() {
    }

    /** A server {@code error} object as the exception a call or subscription fails with. */
    public static DdpMethodException toException(DdpError e, String method, String id) {
        return new DdpMethodException(e.error(), e.reason(), e.details(), e.message(), method, id);
    }

    /** The real cause inside the wrappers {@code CompletableFuture} adds. */
    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Our own exceptions' message (it says what failed), others as {@link #describe}: for status and give-up texts. */
    public static String text(Throwable t) {
        Throwable u = unwrap(t);
        return u instanceof io.github.camelrocketchat.ddp.DdpException && u.getMessage() != null ? u.getMessage()
                : describe(u);
    }

    /** "ConnectException: Connection refused" style text, for reasons shown to users. */
    public static String describe(Throwable t) {
        Throwable u = unwrap(t);
        String m = u.getMessage();
        return m == null || m.isBlank() ? u.getClass().getSimpleName() : u.getClass().getSimpleName() + ": " + m;
    }
}
