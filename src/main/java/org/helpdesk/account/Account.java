package org.helpdesk.account;

import java.time.Instant;
import java.util.UUID;

import org.helpdesk.auth.SessionUser;

/** A user account as the API and the pages show it: never the password hash. */
public record Account(UUID id, String email, String name, Instant createdAt) {
    /** What the browser session keeps of the account. */
    public SessionUser sessionUser() {
        return new SessionUser(id, email, name);
    }
}
