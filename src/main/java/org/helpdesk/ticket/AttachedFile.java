package org.helpdesk.ticket;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A file of a ticket (API §8 "Attachment"): of its description ({@code messageId} null) or of a message; an upload
 * not yet attached has neither {@code ticketId} nor {@code messageId}.
 */
@JsonPropertyOrder({"id", "entityId", "ticketId", "messageId", "filename", "contentType", "size", "sha256", "inline",
        "createdAt"})
public record AttachedFile(UUID id, UUID entityId, UUID ticketId, UUID messageId, String filename,
                           String contentType, long size, String sha256, boolean inline, Instant createdAt) {

    /** Images a browser shows in the page (and nothing that can run script: never SVG). */
    public boolean image() {
        return switch (contentType) {
            case "image/png", "image/jpeg", "image/gif", "image/webp" -> true;
            default -> false;
        };
    }
}
