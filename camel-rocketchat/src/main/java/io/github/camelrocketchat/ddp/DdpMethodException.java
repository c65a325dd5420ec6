package io.github.camelrocketchat.ddp;

import java.util.Map;

/**
 * A {@code Meteor.Error} sent by the server: in a method {@code result} or a {@code nosub}.
 *
 * <p>{@code error} is a String code ({@code "error-invalid-room"}) or a Number ({@code 403}).
 */
public class DdpMethodException extends DdpException {
    private final Object error;
    private final String reason;
    private final Map<String, Object> details;
    private final String serverMessage;
    private final String method;
    private final String callId;

    public DdpMethodException(Object error, String reason, Map<String, Object> details, String serverMessage,
                              String method, String callId) {
        super(describe(error, reason, method, callId));
        this.error = error;
        this.reason = reason;
        this.details = details == null ? Map.of() : details;
        this.serverMessage = serverMessage;
        this.method = method;
        this.callId = callId;
    }

    private static String describe(Object error, String reason, String method, String callId) {
        StringBuilder sb = new StringBuilder();
        sb.append(method == null ? "DDP error" : method).append(" failed");
        if (callId != null) {
            sb.append(" (id ").append(callId).append(')');
        }
        sb.append(": ");
        if (reason != null) {
            sb.append(reason).append(' ');
        }
        sb.append('[').append(error).append(']');
        return sb.toString();
    }

    /** The error code: a String or a Number. */
    public Object getError() {
        return error;
    }

    /** The error code as a string ({@code "403"} for a numeric code). */
    public String getErrorCode() {
        return String.valueOf(error);
    }

    public String getReason() {
        return reason;
    }

    /** Plain JSON (dates are ISO strings here, not EJSON); never null. */
    public Map<String, Object> getDetails() {
        return details;
    }

    /** The server's own {@code message} field, e.g. {@code "Invalid room [error-invalid-room]"}. */
    public String getServerMessage() {
        return serverMessage;
    }

    /** The method or subscription name this error answers, when known. */
    public String getMethod() {
        return method;
    }

    /** The DDP call or subscription id, when known. */
    public String getCallId() {
        return callId;
    }
}
