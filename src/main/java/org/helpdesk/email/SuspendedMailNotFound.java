package org.helpdesk.email;

import org.helpdesk.common.NotFound;

/** No such suspended mail in this mailbox of the entity: never there, expired, released or deleted. */
public class SuspendedMailNotFound extends NotFound {
    SuspendedMailNotFound() {
        super("No such suspended mail in this mailbox (it may have been released, deleted or expired)");
    }
}
