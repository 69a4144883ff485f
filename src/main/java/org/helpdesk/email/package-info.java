/** The email channel: mailboxes, IMAP polling into tickets, SMTP replies from the outbox. */
package org.helpdesk.email;
