package org.helpdesk.category;

import java.util.UUID;

/** Published inside the deleting transaction, before the row goes: tickets in it become uncategorised. */
public record CategoryDeleted(UUID entityId, UUID categoryId) {
}
