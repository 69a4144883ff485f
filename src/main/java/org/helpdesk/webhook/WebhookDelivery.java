package org.helpdesk.webhook;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One event on its way to one webhook, as the delivery log shows it. */
@JsonPropertyOrder({"id", "eventId", "eventType", "status", "attempts", "lastStatusCode", "lastError",
        "nextAttemptAt", "createdAt", "deliveredAt"})
public record WebhookDelivery(UUID id, UUID eventId, String eventType, String status, int attempts,
                              Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant createdAt,
                              Instant deliveredAt) {
    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
}
