package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Method calls waiting for their {@code result}, by call id, in call order. A reconnect can replay the
 * unsent ones. Connection thread only.
 */
public final class PendingCalls {
    /** Ids of calls that timed out, so a late result is not reported as a bad frame. Bounded. */
    private static final int REMEMBERED_EXPIRED = 1024;

    /** One outstanding call. The mutable fields are touched on the connection thread only. */
    public static final class Call {
        final String id;
        final String method;
        final String frame;
        final Duration timeout;
        final CompletableFuture<Object> future;
        /** Cancels the per-call timeout; set when the call is registered. */
        Scheduler.Cancellable timer;
        /** True once the frame went out on a socket. */
        boolean sent;

        public Call(String id, String method, String frame, Duration timeout, CompletableFuture<Object> future) {
            this.id = id;
            this.method = method;
            this.frame = frame;
            this.timeout = timeout;
            this.future = future;
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
