package io.github.camelrocketchat.rest;

/**
 * A REST call failed: the server answered an error status, or the answer could not be read. The message
 * names the endpoint and the HTTP status, never a credential.
 */
public class RestException extends RuntimeException {
    private final String endpoint;
    private final int status;
    private final String errorType;
    private final String serverError;
    private final long retryAfterMillis;

    public RestException(String endpoint, int status, String errorType, String serverError, Throwable cause) {
        this(endpoint, status, errorType, serverError, cause, -1);
    }

    /** @param retryAfterMillis for a 429, how long the server asked to wait (-1: it did not say) */
    public RestException(String endpoint, int status, String errorType, String serverError, Throwable cause,
                         long retryAfterMillis) {
        super(describe(endpoint, status, errorType, serverError), cause);
        this.retryAfterMillis = retryAfterMillis;
        this.endpoint = endpoint;
        this.status = status;
        this.errorType = errorType;
        this.serverError = serverError;
    }

    private static String describe(String endpoint, int status, String errorType, String serverError) {
        StringBuilder sb = new StringBuilder("Rocket.Chat REST ").append(endpoint);
        if (status > 0) {
            sb.append(" answered HTTP ").append(status);
        } else {
            sb.append(" failed");
        }
        if (serverError != null) {
            sb.append(": ").append(serverError);
        }
        if (errorType != null) {
            sb.append(" [").append(errorType).append(']');
        }
        return sb.toString();
    }

    /** The method and path, e.g. {@code POST /api/v1/chat.delete}. */
    public String getEndpoint() {
        return endpoint;
    }

    /** For a 429: how long the server asked to wait, in milliseconds; -1 when it did not say or for other answers. */
    public long getRetryAfterMillis() {
        return retryAfterMillis;
    }

    /** The HTTP status, or -1 when no answer was received. */
    public int getStatus() {
        return status;
    }

    /** The server's {@code errorType} (e.g. {@code error-room-not-found}), or null. */
    public String getErrorType() {
        return errorType;
    }

    /** The server's {@code error} or {@code message} text, or null. */
    public String getServerError() {
        return serverError;
    }
}
