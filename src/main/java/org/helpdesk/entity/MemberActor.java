package org.helpdesk.entity;

import java.util.Objects;
import java.util.UUID;

import org.helpdesk.auth.Role;
import org.springframework.modulith.NamedInterface;

/**
 * Who acts on an entity's settings (members, API keys, categories): a member, with their role there. The web
 * adapters build it from the request's tenant after checking it; the use cases take it and nothing of HTTP.
 */
@NamedInterface("settings")
public record MemberActor(UUID entityId, UUID userId, String name, Role role) {
    public MemberActor {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }
}
