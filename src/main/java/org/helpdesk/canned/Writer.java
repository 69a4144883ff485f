package org.helpdesk.canned;

import java.util.Objects;
import java.util.UUID;

/**
 * Who reads or writes canned replies: a member (or a key, acting as its creator) of an entity, and whether they
 * may write shared replies (admins and owners; the web layer decides from the role and scopes).
 */
public record Writer(UUID entityId, UUID userId, boolean mayShare) {
    public Writer {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(userId, "userId");
    }
}
