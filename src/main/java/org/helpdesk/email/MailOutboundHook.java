package org.helpdesk.email;

import java.util.UUID;

import org.helpdesk.ticket.MailOutbound;
import org.springframework.stereotype.Component;

/** Tells the ticket core that an entity with an enabled mailbox answers its contacts by email. */
@Component
class MailOutboundHook implements MailOutbound {
    private final Mailboxes mailboxes;

    MailOutboundHook(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public boolean sendsMailFor(UUID entityId) {
        return mailboxes.anyEnabled(entityId);
    }
}
