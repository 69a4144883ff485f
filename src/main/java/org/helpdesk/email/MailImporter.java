package org.helpdesk.email;

import jakarta.mail.internet.MimeMessage;
import org.springframework.stereotype.Component;

/** Placeholder until the ticket core's use cases land (see /tmp/email-pending). */
@Component
class MailImporter {
    void take(Mailbox mailbox, MimeMessage raw, long uidValidity, long uid) {
        throw new UnsupportedOperationException("not yet");
    }
}
