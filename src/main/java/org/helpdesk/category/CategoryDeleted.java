package org.helpdesk.category;

import java.util.UUID;

/**
 * Published inside the deleting transaction, before the row goes: tickets in it become uncategorised, in the
 * name of the user who deleted it.
 */
public record CategoryDeleted(UUID entityId, UUID categoryId, UUID deletedBy, String deletedByName) {
}
