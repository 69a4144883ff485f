/** The email channel: mailboxes, IMAP polling into tickets, SMTP replies from the outbox. */
@ApplicationModule(allowedDependencies = {"common", "auth", "ticket", "attachment"})
package org.helpdesk.email;

import org.springframework.modulith.ApplicationModule;
