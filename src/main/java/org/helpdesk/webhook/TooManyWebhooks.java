package org.helpdesk.webhook;

import org.helpdesk.common.Conflict;

/** An entity has as many webhooks as it may. */
class TooManyWebhooks extends Conflict {
    TooManyWebhooks(int max) {
        super("An entity may have at most " + max + " webhooks; delete one first");
    }
}
