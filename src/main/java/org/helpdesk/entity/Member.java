package org.helpdesk.entity;

import java.time.Instant;
import java.util.UUID;

import org.helpdesk.auth.Role;

/** A member of an entity as the members list shows it. */
public record Member(UUID userId, String email, String name, Role role, Instant createdAt) {
}
