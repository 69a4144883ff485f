package org.helpdesk.webhook;

import org.helpdesk.common.NotFound;

/** No such webhook (or delivery) in the caller's entity. */
class WebhookNotFound extends NotFound {
    WebhookNotFound(String what) {
        super("No such " + what + " in this entity");
    }
}
