package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.DdpMethodException;
import java.util.Map;

/**
 * Turns a login refused for two-factor authentication into a {@link SessionException} that says what to configure:
 * a route cannot read a code sent by e-mail, a TOTP user needs {@code totpSecret}, a refused code points at the secret
 * and the clock. The server's error, reason and details stay on the exception; the secret and the code never.
 */
final class TwoFactorErrors {
    private static final String TOKEN_LOGIN = "or log in with a personal access token (authToken and userId): token logins "
            + "are never asked for a code";

    private TwoFactorErrors() {
    }

    /** {@code failure} explained when it is a two-factor refusal of a login, else unchanged. */
    static Throwable explain(String name, Throwable failure, boolean totpConfigured) {
        if (!(SessionErrors.unwrap(failure) instanceof DdpMethodException m)) {
            return failure;
        }
        String code = m.getErrorCode();
        Map<String, Object> details = m.getDetails();
        Object method = details == null ? null : details.get("method");
        String why;
        if ("totp-required".equals(code) && "email".equals(method)) {
            why = "the server asks for a two-factor code it sent by e-mail, which a route cannot read. Turn off two-factor "
                    + "authentication by e-mail for this user (its account's security settings; the server settings "
                    + "Accounts_TwoFactorAuthentication_By_Email_Enabled and _Auto_Opt_In turn it on for every user with a "
                    + "verified e-mail address) and turn on TOTP with totpSecret instead, " + TOKEN_LOGIN;
        } else if ("totp-required".equals(code) && !totpConfigured) {
            why = "the user has TOTP two-factor authentication. Set totpSecret to its base32 secret (the one an "
                    + "authenticator app is given when TOTP is turned on), " + TOKEN_LOGIN;
        } else if ("totp-required".equals(code)) {
            why = "the server asks for a two-factor code by " + method + ", which totpSecret cannot answer; turn that "
                    + "method off for this user, " + TOKEN_LOGIN;
        } else if ("totp-invalid".equals(code)) {
            why = "the server refused the TOTP code made from totpSecret. Check that totpSecret is the user's current "
                    + "secret and that this machine's clock is right (a code is valid for 30 seconds)";
        } else {
            return failure;
        }
        return new SessionException(SessionException.Kind.NOT_AUTHORIZED, name + ": login refused: " + why + " [" + code + "]",
                code, m.getReason(), details, "login", m);
    }
}
