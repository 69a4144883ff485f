package org.helpdesk.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * A due time passed unmet (API §11). Published inside the transaction that records the breach, so the Modulith
 * outbox hands it to after-commit listeners (webhooks' {@code sla.breached}) at least once.
 *
 * @param target {@code firstResponse} or {@code resolution}
 */
public record SlaBreached(UUID entityId, UUID ticketId, String target, Instant dueAt, Instant recordedAt) {
}
