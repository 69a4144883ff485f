package org.helpdesk.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A subscription as the API shows it (API §12); its secret is never part of it. */
@JsonPropertyOrder({"id", "entityId", "url", "events", "enabled", "description", "disabledReason", "createdAt"})
public record Webhook(UUID id, UUID entityId, String url, List<String> events, boolean enabled, String description,
                      String disabledReason, Instant createdAt) {

    boolean wants(String type) {
        return events.contains(EventTypes.ALL) || events.contains(type);
    }
}
