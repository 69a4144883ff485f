package org.helpdesk.webhook;

import java.util.List;

import org.helpdesk.common.InvalidInput;

/** A webhook to create; validates itself except the URL's host, which the use case resolves and checks. */
public record NewWebhook(String url, List<String> events, boolean enabled, String description) {
    static final int MAX_DESCRIPTION = 1000;

    public NewWebhook {
        if (url == null || url.isBlank()) {
            throw new InvalidInput("url is required");
        }
        url = url.strip();
        events = EventTypes.check(events);
        description = description(description);
    }

    static String description(String description) {
        if (description == null) {
            return null;
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidInput("description must be at most " + MAX_DESCRIPTION + " characters");
        }
        return description.isBlank() ? null : description.strip();
    }
}
