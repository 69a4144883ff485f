package org.helpdesk.ticket;

import org.helpdesk.common.InvalidInput;

/** A message to add to a ticket's conversation; who writes it is the {@link Actor}. */
public record NewMessage(String body, boolean internal) {
    public static final int MAX_BODY = 100_000;

    public NewMessage {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("body must not be empty");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidInput("body must be at most " + MAX_BODY + " characters");
        }
        TextRules.noNul(body, "body");
    }
}
