package io.github.camelrocketchat.ddp.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Methods whose params or result are secrets as a whole, whatever their keys: a personal access token comes back as
 * a bare string, {@code 2fa:enable} answers the TOTP secret and its {@code otpauth://} URL, the 2FA backup codes,
 * the end-to-end encryption keys. {@link FrameLog} masks their params on the way out and remembers the call id, so
 * that it masks the result that answers it.
 *
 * <p>Every outbound method frame is noted, traced or not, so a result stays masked when TRACE is switched on while
 * the call is out. The memory is bounded: the oldest ids are forgotten first (a call that never got its result).
 * Thread-safe.
 */
final class SensitiveCalls {
    /** Methods whose params and result are masked as a whole. */
    static final Set<String> METHODS = Set.of(
            "personalAccessTokens:generateToken", "personalAccessTokens:regenerateToken",
            "2fa:enable", "2fa:validateTempToken", "2fa:regenerateCodes", "2fa:disable",
            "e2e.fetchMyKeys", "e2e.setUserPublicAndPrivateKeys", "e2e.updateGroupKey", "e2e.provideUsersSuggestedGroupKeys",
            "resetPassword", "setUserPassword");
    private static final Pattern METHOD_FRAME = Pattern.compile("^\\{\"msg\":\"method\",\"id\":\"([^\"]+)\",\"method\":\"([^\"]+)\"");
    private static final int MAX_REMEMBERED = 256;

    /** "connection name \0 call id" of sensitive calls whose result has not been seen; guarded by itself. */
    private static final Map<String, Boolean> OUT = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    private SensitiveCalls() {
    }

    /** Notes an outbound frame when it calls a sensitive method; a prefix match that stops at the first character of any other frame, no parse. */
    static void noteOutbound(String name, String frame) {
        Matcher m = METHOD_FRAME.matcher(frame);
        if (m.lookingAt() && METHODS.contains(m.group(2))) {
            synchronized (OUT) {
                OUT.put(name + '\0' + m.group(1), Boolean.TRUE);
            }
        }
    }

    /** True when {@code id} answers a sensitive call of connection {@code name}; forgets it. */
    static boolean takeResult(String name, String id) {
        synchronized (OUT) {
            return OUT.remove(name + '\0' + id) != null;
        }
    }
}
