package org.helpdesk.entity;

import java.time.Instant;
import java.util.UUID;

/** An entity (tenant): what signup and {@code POST /api/entities} create and return. */
public record Entity(UUID id, String name, Instant createdAt) {
}
