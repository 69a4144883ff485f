package org.helpdesk.auth;

import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

/** The principal kept in a browser session: who signed in, nothing about entities (checked per request). */
public record SessionUser(UUID id, String email, String name) implements Serializable, Principal {

    /**
     * The principal name Spring Session indexes (a column of 100 characters): the user id, which always fits,
     * where the default (the record's toString with email and name) overflows it and fails every sign-in.
     */
    @Override
    public String getName() {
        return id.toString();
    }
}
