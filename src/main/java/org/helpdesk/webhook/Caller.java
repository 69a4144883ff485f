package org.helpdesk.webhook;

import java.util.Objects;
import java.util.UUID;

/** Who manages an entity's webhooks: an admin or owner, signed in (the controller checks the role). */
public record Caller(UUID entityId, UUID userId) {
    public Caller {
        Objects.requireNonNull(entityId, "entityId");
    }
}
