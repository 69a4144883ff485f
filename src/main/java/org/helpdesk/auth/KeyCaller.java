package org.helpdesk.auth;

import java.util.Set;
import java.util.UUID;

/** The principal of a request made with an API key: the key, its entity, and the member it acts for. */
public record KeyCaller(UUID keyId, UUID entityId, UUID userId, String userName, Role role, Set<Scope> scopes) {
}
