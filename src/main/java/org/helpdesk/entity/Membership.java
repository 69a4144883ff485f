package org.helpdesk.entity;

import java.util.UUID;

import org.helpdesk.auth.Role;

/** One entity a user belongs to, with the user's role there (the entity switcher, {@code /api/me}). */
public record Membership(UUID entityId, String entityName, Role role) {
}
