package org.helpdesk.auth;

import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

/**
 * The principal kept in a browser session: who signed in, nothing about entities (checked per request).
 * Its name is the user id, which Spring Session stores as the session's principal name.
 */
public record SessionUser(UUID id, String email, String name) implements Serializable, Principal {
    @Override
    public String getName() {
        return id.toString();
    }

    /** Spring Security logs its principal at DEBUG: the id only, never the email or name (personal data). */
    @Override
    public String toString() {
        return "SessionUser[id=" + id + "]";
    }
}
