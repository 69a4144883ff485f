package org.helpdesk.auth;

import java.security.Principal;
import java.util.Set;
import java.util.UUID;

/** The principal of a request made with an API key: the key, its entity, and the member it acts for. */
public record KeyCaller(UUID keyId, UUID entityId, UUID userId, String userName, Role role, Set<Scope> scopes)
        implements Principal {
    /** The key's id: what logs and Spring Security show as the caller. */
    @Override
    public String getName() {
        return keyId.toString();
    }

    /** Spring Security logs its principal at DEBUG: ids only, never the member's name. */
    @Override
    public String toString() {
        return "KeyCaller[keyId=" + keyId + ", entityId=" + entityId + ", userId=" + userId + "]";
    }
}
