package org.helpdesk.email;

import java.util.UUID;

import org.springframework.context.ApplicationContext;

/** For tests outside this package: one poll of a mailbox now, instead of waiting for the background poller's turn. */
public final class MailPolling {
    private MailPolling() {
    }

    /** Polls the mailbox once on this node; {@code false} when another poll holds it (try again). */
    public static boolean pollNow(ApplicationContext context, UUID entityId, UUID mailboxId) {
        return context.getBean(MailPoller.class).poll(entityId, mailboxId);
    }
}
