package org.helpdesk.category;

import java.time.Instant;
import java.util.UUID;

/** A ticket category of an entity; names are unique per entity regardless of case. */
public record Category(UUID id, UUID entityId, String name, Instant createdAt) {
    public static final int MAX_NAME = 100;
}
