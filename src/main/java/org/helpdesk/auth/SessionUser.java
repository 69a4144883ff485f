package org.helpdesk.auth;

import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

/** The principal kept in a browser session: who signed in, nothing about entities (checked per request). */
public record SessionUser(UUID id, String email, String name) implements Principal, Serializable {

    /**
     * The user's id. Spring Session stores this as the session's principal name (a 100-character column), so it
     * must be short and stable; without it the record's toString (with the email) was stored and overflowed.
     */
    @Override
    public String getName() {
        return id.toString();
    }
}
