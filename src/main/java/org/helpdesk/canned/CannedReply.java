package org.helpdesk.canned;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A saved answer (API §10): {@code shared} ones are seen by every member, others by their creator only. */
@JsonPropertyOrder({"id", "entityId", "title", "body", "shared", "createdBy", "createdAt", "updatedAt"})
public record CannedReply(UUID id, UUID entityId, String title, String body, boolean shared, UUID createdBy,
                          Instant createdAt, Instant updatedAt) {
    public static final int MAX_TITLE = 255;
    public static final int MAX_BODY = 100_000;
}
