package org.helpdesk.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.helpdesk.common.Ids;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event for the webhooks that want it, in the caller's transaction: the envelope (its body fixed
 * now) and one pending delivery per webhook commit or roll back with the change that caused them, so an
 * acknowledged change is never without its deliveries. After commit the dispatcher is woken; it (or any other
 * node, or this one after a restart) sends them.
 *
 * <p>Adding an event type is one listener method that maps a domain event to (type, entityId, data); see
 * {@link TicketWebhooks} and docs/webhooks.md.
 */
@Component
public class WebhookEvents {
    private final Webhooks webhooks;
    private final WebhookDeliveries deliveries;
    private final WebhookDispatcher dispatcher;
    private final JsonMapper json;

    WebhookEvents(Webhooks webhooks, WebhookDeliveries deliveries, WebhookDispatcher dispatcher, JsonMapper json) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.json = json;
    }

    /**
     * @param eventId   the event's id ({@code webhook-id}); a domain event's own id where it has one
     * @param data      built only when some webhook wants the event (it reads the state right after the change)
     * @return how many deliveries were queued
     */
    @Transactional
    public int record(String type, UUID entityId, UUID eventId, Instant createdAt, Supplier<Map<String, ?>> data) {
        List<Webhooks.Stored> targets = webhooks.enabled(entityId).stream()
                .filter(w -> w.webhook().wants(type)).toList();
        if (targets.isEmpty()) {
            return 0;
        }
        String payload = envelope(eventId, type, createdAt, entityId, data.get());
        deliveries.insertEvent(entityId, eventId, type, payload, createdAt);
        for (Webhooks.Stored target : targets) {
            deliveries.insert(entityId, Ids.newId(), target.webhook().id(), eventId, type, createdAt);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wakeUp();
                }
            });
        }
        return targets.size();
    }

    /** {@code {"id", "type", "createdAt", "entityId", "data"}} (API §12). */
    String envelope(UUID id, String type, Instant createdAt, UUID entityId, Map<String, ?> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("createdAt", createdAt);
        body.put("entityId", entityId);
        body.put("data", data);
        return json.writeValueAsString(body);
    }
}
