package org.helpdesk.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the removing transaction, before the membership row goes: features that point at the
 * member (assigned tickets, API keys the member created) let go of it, in the name of the remover.
 */
public record MemberRemoved(UUID entityId, UUID userId, Instant at, UUID removedBy, String removedByName) {
}
