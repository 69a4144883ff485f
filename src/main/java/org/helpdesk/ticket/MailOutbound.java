package org.helpdesk.ticket;

import java.util.UUID;

/**
 * Whether public agent messages of an entity go out by email (API §6): the email module answers; without it,
 * nothing is sent. Asked inside the message's transaction, so the answer and the queued message agree.
 */
public interface MailOutbound {
    boolean sendsMailFor(UUID entityId);
}
