package io.github.camelrocketchat.ddp.protocol;

import java.util.Map;

/**
 * A serialized {@code Meteor.Error} as found in {@code result.error} and {@code nosub.error}. Plain JSON (no
 * EJSON conversion): dates inside {@code details} are ISO strings.
 *
 * @param error     the code: a {@code String} ({@code "error-invalid-room"}) or a {@code Number} ({@code 403})
 * @param reason    human-readable reason, or null
 * @param details   extra data, or null
 * @param message   the server's {@code message} ({@code "Invalid room [error-invalid-room]"}), or null
 * @param errorType usually {@code "Meteor.Error"}, or null
 */
public record DdpError(Object error, String reason, Map<String, Object> details, String message, String errorType) {
}
