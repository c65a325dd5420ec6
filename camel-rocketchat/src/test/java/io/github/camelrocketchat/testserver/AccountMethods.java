package io.github.camelrocketchat.testserver;

import java.time.Duration;

/** {@code login} and {@code logout} (reference B). */
final class AccountMethods {

    private AccountMethods() {
    }

    static void register(MethodRegistry r, ServerCore core) {
        r.add("login", inv -> {
            Accounts.Login login = core.accounts.login(inv.param(0));
            String previous = inv.conn.userId;
            inv.conn.userId = login.user().id;
            inv.conn.tokenHash = Ids.hashToken(login.token());
            if (!core.dialect.streamer()) {
                core.publications.rerun(inv.conn);
            }
            core.chat.connectionsChanged(login.user().id);
            if (previous != null && !previous.equals(login.user().id)) {
                core.chat.connectionsChanged(previous);
            }
            return core.accounts.result(login);
        });
        r.add("logout", inv -> {
            UserRecord u = inv.user();
            if (u != null && inv.conn.tokenHash != null) {
                core.accounts.destroyToken(u, inv.conn.tokenHash);
            }
            inv.conn.userId = null;
            inv.conn.tokenHash = null;
            if (core.dialect.streamer()) {
                inv.afterResult.add(() -> core.loop.schedule(() -> inv.conn.close(1002, "logout"),
                        Duration.ofMillis(1)));
            } else {
                core.publications.rerun(inv.conn);
            }
            if (u != null) {
                core.chat.connectionsChanged(u.id);
            }
            return null;
        });
    }
}
