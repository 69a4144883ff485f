package org.helpdesk.auth;

import java.util.Optional;
import java.util.UUID;

/** What authentication needs of memberships, provided by the entity module (which owns them). */
public interface MemberDirectory {
    Optional<Role> roleOf(UUID entityId, UUID userId);
}
