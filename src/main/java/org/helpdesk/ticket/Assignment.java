package org.helpdesk.ticket;

import java.util.UUID;

/** Where the ticket is filed and who works on it; both optional, both within the ticket's entity. */
public record Assignment(UUID categoryId, UUID assignedTo) {
    public static final Assignment NONE = new Assignment(null, null);
}
