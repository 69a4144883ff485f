package org.helpdesk.account;

import java.util.Locale;

/**
 * A sign-in attempt from the API or the sign-in page. The email is only normalised, never refused: an address
 * that cannot be an account is simply a wrong email (same answer, same limits, same timing).
 *
 * @param clientAddress the caller's address (after the trusted-proxy valve), for the per-address limit
 */
public record SignIn(String email, String password, String clientAddress) {
    public SignIn {
        email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        password = password == null ? "" : password;
    }
}
