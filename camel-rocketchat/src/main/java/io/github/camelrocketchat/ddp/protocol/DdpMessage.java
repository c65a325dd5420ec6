package io.github.camelrocketchat.ddp.protocol;

import java.util.List;
import java.util.Map;

/**
 * One DDP frame, decoded. Payloads ({@code params}, {@code result}, {@code fields}) hold EJSON-decoded Java
 * values (see {@link Ejson}); {@code error} objects and {@code offendingMessage} are plain JSON.
 *
 * <p>Records that carry payloads print only their sizes in {@code toString()}: a {@code login} call or its
 * result carries secrets.
 */
public sealed interface DdpMessage {

    /** Client: first frame of a socket. */
    record Connect(String version, List<String> support) implements DdpMessage {
    }

    /** Server: handshake accepted. */
    record Connected(String session) implements DdpMessage {
    }

    /** Server: handshake refused; {@code version} is the one the server would accept. */
    record Failed(String version) implements DdpMessage {
    }

    /** Heartbeat; {@code id} is optional (null when absent). */
    record Ping(String id) implements DdpMessage {
    }

    /** Heartbeat answer; echoes the ping's {@code id} (null when the ping had none). */
    record Pong(String id) implements DdpMessage {
    }

    /** Client: a method call. */
    record Method(String id, String method, List<?> params) implements DdpMessage {
        @Override
        public String toString() {
            return "Method[id=" + id + ", method=" + method + ", params=" + size(params) + "]";
        }
    }

    /** Server: a method's outcome; {@code result} is null when absent, {@code error} null on success. */
    record Result(String id, Object result, DdpError error) implements DdpMessage {
        @Override
        public String toString() {
            return "Result[id=" + id + ", result=" + (result == null ? "null" : "<value>") + ", error=" + error + "]";
        }
    }

    /** Server: the writes of these methods are visible. */
    record Updated(List<String> methods) implements DdpMessage {
    }

    /** Client: subscribe. */
    record Sub(String id, String name, List<?> params) implements DdpMessage {
        @Override
        public String toString() {
            return "Sub[id=" + id + ", name=" + name + ", params=" + size(params) + "]";
        }
    }

    /** Client: unsubscribe. */
    record Unsub(String id) implements DdpMessage {
    }

    /** Server: these subscriptions have sent their initial data. */
    record Ready(List<String> subs) implements DdpMessage {
    }

    /** Server: a subscription ended (with an error, or null). */
    record Nosub(String id, DdpError error) implements DdpMessage {
    }

    /** Server: a document was added. {@code fields} may be empty, never null. */
    record Added(String collection, String id, Map<String, Object> fields) implements DdpMessage {
        @Override
        public String toString() {
            return "Added[collection=" + collection + ", id=" + id + ", fields=" + fields.size() + "]";
        }
    }

    /** Server: fields of a document changed. {@code fields} and {@code cleared} may be empty, never null. */
    record Changed(String collection, String id, Map<String, Object> fields, List<String> cleared) implements DdpMessage {
        @Override
        public String toString() {
            return "Changed[collection=" + collection + ", id=" + id + ", fields=" + fields.keySet() + ", cleared="
                    + cleared + "]";
        }
    }

    /** Server: a document was removed. */
    record Removed(String collection, String id) implements DdpMessage {
    }

    /** Server: ordered add; {@code before} is null for "at the end". */
    record AddedBefore(String collection, String id, Map<String, Object> fields, String before) implements DdpMessage {
        @Override
        public String toString() {
            return "AddedBefore[collection=" + collection + ", id=" + id + ", fields=" + fields.size() + ", before="
                    + before + "]";
        }
    }

    /** Server: ordered move; {@code before} is null for "to the end". */
    record MovedBefore(String collection, String id, String before) implements DdpMessage {
    }

    /**
     * Server: a connection-level error ({@code Bad request}, {@code Must connect first}, ...).
     * {@code offendingMessage} is the frame the server rejected, or null.
     */
    record ConnectionError(String reason, Map<String, Object> offendingMessage) implements DdpMessage {
        @Override
        public String toString() {
            return "ConnectionError[reason=" + reason + ", offendingMessage="
                    + (offendingMessage == null ? "none" : "msg " + offendingMessage.get("msg")) + "]";
        }
    }

    /** Any frame whose {@code msg} is missing (null here) or not one of the above; clients ignore it. */
    record Unknown(String msg) implements DdpMessage {
    }

    private static String size(List<?> params) {
        return params == null ? "none" : params.size() + " item(s)";
    }
}
