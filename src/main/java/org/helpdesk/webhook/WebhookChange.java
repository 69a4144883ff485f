package org.helpdesk.webhook;

import java.util.List;

import org.helpdesk.common.InvalidInput;

/**
 * A merge-patch of a webhook: {@code null} fields are unchanged; {@code description} is cleared by sending
 * {@code null} ({@code clearDescription}).
 */
public record WebhookChange(String url, List<String> events, Boolean enabled, String description,
                            boolean clearDescription) {

    public WebhookChange {
        if (url != null) {
            if (url.isBlank()) {
                throw new InvalidInput("url must not be empty");
            }
            url = url.strip();
        }
        if (events != null) {
            events = EventTypes.check(events);
        }
        description = NewWebhook.description(description);
    }

    Webhook applyTo(Webhook w) {
        boolean enabling = enabled != null && enabled && !w.enabled();
        return new Webhook(w.id(), w.entityId(), url == null ? w.url() : url, events == null ? w.events() : events,
                enabled == null ? w.enabled() : enabled,
                clearDescription ? null : description == null ? w.description() : description,
                enabling ? null : w.disabledReason(), w.createdAt());
    }
}
