package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.Scheduler;
import io.github.camelrocketchat.ddp.protocol.DdpCodec;
import io.github.camelrocketchat.ddp.protocol.DdpMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Method calls waiting for their {@code result}, by call id, in call order. A reconnect replays the unsent ones
 * (and the resendable ones it un-sends). Connection thread only.
 */
public final class PendingCalls {
    /** Ids of calls that timed out, so a late result is not reported as a bad frame. Bounded. */
    private static final int REMEMBERED_EXPIRED = 1024;

    /** What happens to a call whose socket is lost. */
    public enum Kind {
        /** Fails when it was sent (the server may have run it); waits for the next socket when it was not. */
        ONCE,
        /** Sent again on the next socket when its result did not arrive. */
        RESENDABLE,
        /** A handshake's call: belongs to one socket and fails with it, sent or not. */
        HANDSHAKE
    }

    /** One outstanding call. The mutable fields are touched on the connection thread only. */
    public static final class Call {
        final String id;
        final String method;
        final String frame;
        final Duration timeout;
        final CompletableFuture<Object> future;
        final Kind kind;
        /** Cancels the per-call timeout; set when the call is registered. */
        Scheduler.Cancellable timer;
        /** True once the frame went out on the current socket (cleared when a resendable call waits for the next). */
        boolean sent;
        /** True once the frame went out on any socket. */
        boolean everSent;

        public Call(String id, String method, String frame, Duration timeout, CompletableFuture<Object> future) {
            this(id, method, frame, timeout, future, Kind.ONCE);
        }

        public Call(String id, String method, String frame, Duration timeout, CompletableFuture<Object> future,
                    Kind kind) {
            this.id = id;
            this.method = method;
            this.frame = frame;
            this.timeout = timeout;
            this.future = future;
            this.kind = kind;
        }

        /** Encodes the {@code method} frame (on the caller's thread: bad params fail there). */
        public static Call of(String id, String method, List<?> params, Duration timeout, Kind kind) {
            String frame = DdpCodec.encode(new DdpMessage.Method(id, method, params == null ? List.of() : params));
            return new Call(id, method, frame, timeout, new CompletableFuture<>(), kind);
        }

        public Kind kind() {
            return kind;
        }

        public String id() {
            return id;
        }

        public String method() {
            return method;
        }

        public String frame() {
            return frame;
        }

        public Duration timeout() {
            return timeout;
        }

        public CompletableFuture<Object> future() {
            return future;
        }

        public boolean sent() {
            return sent;
        }

        public void markSent() {
            sent = true;
            everSent = true;
        }

        public boolean everSent() {
            return everSent;
        }

        public void timer(Scheduler.Cancellable timer) {
            this.timer = timer;
        }

        void cancelTimer() {
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    private final Map<String, Call> calls = new LinkedHashMap<>();
    private final Map<String, Boolean> expired = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_EXPIRED;
        }
    };

    public void add(Call call) {
        calls.put(call.id, call);
    }

    /** Removes the call a {@code result} answers (cancelling its timer), or returns null when unknown. */
    public Call resolve(String id) {
        Call c = calls.remove(id);
        if (c != null) {
            c.cancelTimer();
        }
        return c;
    }

    /** Removes a call whose timeout fired and remembers its id; null when it was already resolved. */
    public Call expire(Call call) {
        if (calls.get(call.id) != call) {
            return null;
        }
        calls.remove(call.id);
        expired.put(call.id, Boolean.TRUE);
        return call;
    }

    /** True when {@code id} belonged to a call that timed out recently. */
    public boolean expired(String id) {
        return expired.containsKey(id);
    }

    /** Calls not yet sent, in call order. */
    public List<Call> unsent() {
        List<Call> out = new ArrayList<>();
        for (Call c : calls.values()) {
            if (!c.sent) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The socket was lost and a reconnect follows: removes (cancelling timers) and returns the calls that must
     * fail, in call order: sent {@link Kind#ONCE} calls and every {@link Kind#HANDSHAKE} call. Sent
     * {@link Kind#RESENDABLE} calls become unsent; the others stay as they are, their timeouts running.
     */
    public List<Call> interrupt() {
        List<Call> failed = new ArrayList<>();
        for (var it = calls.values().iterator(); it.hasNext(); ) {
            Call c = it.next();
            if (c.kind == Kind.HANDSHAKE || (c.sent && c.kind == Kind.ONCE)) {
                it.remove();
                c.cancelTimer();
                failed.add(c);
            } else {
                c.sent = false;
            }
        }
        return failed;
    }

    /** Removes every call (cancelling timers) and returns them in call order. */
    public List<Call> drainAll() {
        List<Call> out = new ArrayList<>(calls.values());
        calls.clear();
        out.forEach(Call::cancelTimer);
        return out;
    }

    public int size() {
        return calls.size();
    }
}
