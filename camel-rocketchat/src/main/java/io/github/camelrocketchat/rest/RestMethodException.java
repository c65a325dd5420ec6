package io.github.camelrocketchat.rest;

import java.util.Map;

/**
 * A DDP method called over REST ({@code method.call}) answered with an error: the server's {@code error},
 * {@code reason} and {@code details}, as a DDP client would have received them.
 */
public class RestMethodException extends RestException {
    private final Object error;
    private final String reason;
    private final Map<String, Object> details;
    private final String method;

    public RestMethodException(String endpoint, int status, Object error, String reason, Map<String, Object> details,
                               String method) {
        super(endpoint, status, error == null ? null : String.valueOf(error), reason, null);
        this.error = error;
        this.reason = reason;
        this.details = details == null ? Map.of() : Map.copyOf(details);
        this.method = method;
    }

    /** The {@code error} as sent: a string code or a number. */
    public Object getError() {
        return error;
    }

    /** The {@code error} as a string ({@code 404}, {@code error-not-allowed}), or null. */
    public String getErrorCode() {
        return error == null ? null : error instanceof Number n ? String.valueOf(n.longValue()) : String.valueOf(error);
    }

    public String getReason() {
        return reason;
    }

    /** Never null. */
    public Map<String, Object> getDetails() {
        return details;
    }

    /** The DDP method that was called. */
    public String getMethod() {
        return method;
    }
}
