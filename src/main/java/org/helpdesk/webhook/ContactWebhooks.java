package org.helpdesk.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import org.helpdesk.common.Ids;
import org.helpdesk.contact.ContactEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code contact.created}, {@code contact.updated} and {@code contact.merged}: the contact module publishes its
 * events inside the transaction of the change, so the webhook event and its deliveries commit with it (the same
 * shape as {@link TicketWebhooks}). {@code data.contact} is the contact right after the change; a merge adds
 * {@code data.mergedFrom}, the ids of the contacts merged into it.
 */
@Component
class ContactWebhooks {
    private final WebhookEvents events;

    ContactWebhooks(WebhookEvents events) {
        this.events = events;
    }

    @EventListener
    void on(ContactEvent event) {
        events.record("contact." + event.type(), event.entityId(), Ids.newId(), event.at(), () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("contact", event.contact());
            if (event.type().equals("merged")) {
                data.put("mergedFrom", event.mergedFrom());
            }
            return data;
        });
    }
}
