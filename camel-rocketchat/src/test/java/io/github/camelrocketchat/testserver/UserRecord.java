package io.github.camelrocketchat.testserver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A user in the emulated database. Mutable; touched only on the server thread. Never printed: it holds
 * the password digest, the TOTP secret and hashed tokens.
 */
final class UserRecord {

    final String id;
    final String username;
    /** Display name; renamed only through the server thread. */
    String name;
    /** Lower-case hex SHA-256 of the password (Meteor bcrypts this string; we compare it directly). */
    String passwordDigest;
    String email;
    boolean emailVerified;
    final Set<String> roles = new LinkedHashSet<>();
    /** One of user, bot, app. */
    String type = "user";
    boolean active = true;
    /** Status chosen by the user ({@code statusDefault}): online, away, busy, offline. */
    String statusDefault = "online";
    /** Status of the connections (online / away from UserPresence:away). */
    String connectionStatus = "offline";
    String statusText = "";
    int utcOffset;
    /** Raw TOTP secret, or null when 2FA is off. */
    byte[] totpSecret;
    /** Two-factor by e-mail ({@code services.email2fa.enabled}); applies only with a verified e-mail address. */
    boolean email2fa;
    /** The last code "mailed" for e-mail 2FA, or null. */
    String emailCode;
    final List<LoginToken> tokens = new ArrayList<>();
    /** Failed password logins in a row, for {@code Block_Multiple_Failed_Logins}. */
    int failedLogins;
    long blockedUntil;
    long updatedAt;
    String avatarETag;

    UserRecord(String id, String username) {
        this.id = id;
        this.username = username;
        this.name = username;
    }

    /** The status others see: offline without a connection, else the chosen one unless it is "online". */
    String effectiveStatus() {
        if ("offline".equals(connectionStatus)) {
            return "offline";
        }
        return "online".equals(statusDefault) ? connectionStatus : statusDefault;
    }

    static int statusCode(String status) {
        return switch (status) {
            case "online" -> 1;
            case "away" -> 2;
            case "busy" -> 3;
            default -> 0;
        };
    }

    @Override
    public String toString() {
        return "UserRecord[" + id + ", " + username + "]";
    }

    /** A stored login token: only its hash. {@code when} is 0 for personal access tokens (they carry none). */
    record LoginToken(String hashedToken, long when, String type, String name) {
        boolean personal() {
            return "personalAccessToken".equals(type);
        }

        @Override
        public String toString() {
            return "LoginToken[" + type + "]";
        }
    }
}
