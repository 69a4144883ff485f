package org.helpdesk.email;

import org.helpdesk.common.Conflict;

/** Mailbox passwords cannot be stored because the operator has not configured the encryption key. */
class MailboxesOff extends Conflict {
    MailboxesOff() {
        super("Mailboxes cannot be stored: the operator must set HELPDESK_MAIL_SECRET (the key mailbox passwords"
                + " are encrypted with) and restart the server");
    }
}
