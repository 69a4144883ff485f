package org.helpdesk.email;

/** A mail server or mailbox problem, as a sentence an administrator can act on. */
class MailFailure extends RuntimeException {
    MailFailure(String message) {
        super(message, null, false, false);
    }
}
