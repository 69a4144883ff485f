package org.helpdesk.email;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.helpdesk.common.Emails;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.Times;
import org.helpdesk.ticket.Actor;
import org.helpdesk.ticket.Channel;
import org.helpdesk.ticket.Message;
import org.helpdesk.ticket.NewMessage;
import org.helpdesk.ticket.NewTicket;
import org.helpdesk.ticket.Ticket;
import org.helpdesk.ticket.TicketAttachments;
import org.helpdesk.ticket.TicketManagement;
import org.helpdesk.ticket.TicketNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns one received mail into a ticket or a contact message, exactly once: the import record, the ticket or
 * message and the thread's Message-ID are written in one transaction.
 */
@Component
class MailImporter {
    private static final Logger log = LoggerFactory.getLogger(MailImporter.class);
    private static final Pattern TICKET_NUMBER = Pattern.compile("\\[" + TicketNumber.PATTERN.pattern() + "]");
    static final String NO_SUBJECT = "(no subject)";

    enum Outcome { IMPORTED, IGNORED, DUPLICATE, FAILED }

    private final TicketManagement tickets;
    private final TicketAttachments withFiles;
    private final MailFiles files;
    private final MailImports imports;
    private final Mailboxes mailboxes;
    private final MailSettings settings;
    private final MailMetrics metrics;
    private final TransactionTemplate tx;
    private final Clock clock;

    MailImporter(TicketManagement tickets, TicketAttachments withFiles, MailFiles files, MailImports imports,
                 Mailboxes mailboxes, MailSettings settings, MailMetrics metrics, TransactionTemplate tx, Clock clock) {
        this.tickets = tickets;
        this.withFiles = withFiles;
        this.files = files;
        this.imports = imports;
        this.mailboxes = mailboxes;
        this.settings = settings;
        this.metrics = metrics;
        this.tx = tx;
        this.clock = clock;
    }

    Outcome take(Mailbox mailbox, MimeMessage raw, long uidValidity, long uid) throws MessagingException {
        InboundMail mail = InboundMail.read(raw);
        String key = mail.importKey(uidValidity, uid);
        if (imports.seen(mailbox.entityId(), mailbox.id(), key)) {
            metrics.ignored("duplicate");
            return Outcome.DUPLICATE;
        }
        // the mail's files are stored first (their bytes and upload rows), then attached in the import's transaction
        MailFiles.Taken taken = files.take(mailbox.entityId(), raw);
        try {
            Outcome outcome = tx.execute(status -> importOnce(mailbox, mail, key, taken));
            if (outcome == Outcome.IMPORTED) {
                metrics.imported();
            } else {
                files.discard(mailbox.entityId(), taken);
            }
            return outcome;
        } catch (DuplicateKeyException e) {
            // another node imported the same mail at the same moment: its transaction won
            files.discard(mailbox.entityId(), taken);
            metrics.ignored("duplicate");
            return Outcome.DUPLICATE;
        } catch (RuntimeException e) {
            files.discard(mailbox.entityId(), taken);
            // a mail the core refuses must not come back on every poll: record it as failed, keep the detail in the log
            log.error("Mail {} from {} in mailbox {} could not be imported; it is skipped", key, mail.senderEmail(),
                    mailbox.address(), e);
            try {
                tx.executeWithoutResult(status -> imports.record(mailbox.entityId(), mailbox.id(), key,
                        sender(mail), "failed", Times.now(clock)));
            } catch (DuplicateKeyException duplicate) {
                return Outcome.DUPLICATE;
            }
            metrics.ignored("unreadable");
            return Outcome.FAILED;
        }
    }

    private Outcome importOnce(Mailbox mailbox, InboundMail mail, String key, MailFiles.Taken taken) {
        UUID entityId = mailbox.entityId();
        Instant now = Times.now(clock);
        Ignored ignored = ignoredBecause(mailbox, mail, now);
        imports.record(entityId, mailbox.id(), key, sender(mail), ignored == null ? "imported" : "ignored", now);
        if (ignored != null) {
            log.info("Mail {} from {} to {} ignored: {}", key, mail.senderEmail(), mailbox.address(), ignored.why());
            metrics.ignored(ignored.metric());
            return Outcome.IGNORED;
        }
        String contactEmail = contactEmail(mail.senderEmail());
        String contactName = mail.senderName() != null ? truncate(mail.senderName(), 255)
                : contactEmail == null ? truncate(mail.senderEmail(), 255) : null;
        Optional<Ticket> ticket = ticketOf(entityId, mail).map(tickets::currentOf); // a merged ticket: its target
        if (ticket.isPresent()) {
            String body = mail.text().isBlank() ? "(empty message)" : mail.text();
            String from = sender(mail);
            Message message;
            if (contactEmail != null && contactEmail.equalsIgnoreCase(ticket.get().contactEmail())) {
                message = withFiles.addMessage(Actor.contact(entityId, contactName != null ? contactName
                        : contactEmail, Channel.EMAIL), ticket.get().id(), new NewMessage(body, false),
                        taken.uploads(), from);
            } else {
                // anyone can quote [HD-n] or a Message-ID: a stranger's mail does not speak for the customer (no
                // contact message, no reopening); agents see it as an internal note and decide
                String note = "From " + mail.senderEmail() + ": " + body;
                message = withFiles.addMessage(Actor.system(entityId, contactName != null ? contactName
                                : truncate(mail.senderEmail(), 255)), ticket.get().id(),
                        new NewMessage(truncate(note, NewMessage.MAX_BODY), true), taken.uploads(), from);
            }
            thread(entityId, mail, ticket.get().id(), message.id(), mailbox.id(), now);
            leftOutNote(entityId, ticket.get().id(), taken);
        } else {
            String subject = mail.subject().isBlank() ? NO_SUBJECT : truncate(mail.subject(), 255);
            Ticket created = withFiles.create(Actor.contact(entityId, contactName != null ? contactName : contactEmail,
                            Channel.EMAIL),
                    new NewTicket(subject, mail.text().isBlank() ? null : mail.text(), null, null, Channel.EMAIL,
                            contactEmail, contactName, null, null), taken.uploads());
            thread(entityId, mail, created.id(), null, mailbox.id(), now);
            leftOutNote(entityId, created.id(), taken);
        }
        return Outcome.IMPORTED;
    }

    /** A mail over the limits still comes in; an internal note names each file left out and why (API §8). */
    private void leftOutNote(UUID entityId, UUID ticketId, MailFiles.Taken taken) {
        String note = taken.note();
        if (note != null) {
            tickets.addMessage(Actor.system(entityId, "System"), ticketId,
                    new NewMessage(truncate(note, NewMessage.MAX_BODY), true));
        }
    }

    /** Why a mail is not imported: the metric's label, and the sentence for the log. */
    private record Ignored(String metric, String why) {
    }

    /** Why the mail is not to be imported, or {@code null}. Logged, never stored with a ticket. */
    private Ignored ignoredBecause(Mailbox mailbox, InboundMail mail, Instant now) {
        if (mail.senderEmail() == null) {
            return new Ignored("automatic", "automatic: the mail has no sender address");
        }
        if (mail.autoReason() != null) {
            return new Ignored("automatic", "automatic: " + mail.autoReason());
        }
        if (mailboxes.isSupportAddress(mail.senderEmail())) {
            return new Ignored("own-address", "own address: sent by a support mailbox of this installation (a mail loop)");
        }
        if (mail.messageId() != null && imports.known(mailbox.entityId(), mail.messageId())) {
            return new Ignored("duplicate", "duplicate: this mail already came in through another mailbox of the entity");
        }
        if (imports.importedFrom(mailbox.entityId(), sender(mail), now.minusSeconds(60)) >= settings.floodPerMinute()) {
            return new Ignored("flood", "flood: more than " + settings.floodPerMinute() + " mails a minute from "
                    + mail.senderEmail());
        }
        return null;
    }

    /** The ticket a reply belongs to: its number in the subject, else the mails it answers. */
    private Optional<Ticket> ticketOf(UUID entityId, InboundMail mail) {
        Matcher number = TICKET_NUMBER.matcher(mail.subject());
        while (number.find()) {
            Optional<Ticket> ticket = tickets.findByNumber(entityId, Long.parseLong(number.group(1)));
            if (ticket.isPresent()) {
                return ticket;
            }
        }
        return imports.ticketOf(entityId, mail.references()).map(id -> tickets.get(entityId, id));
    }

    private void thread(UUID entityId, InboundMail mail, UUID ticketId, UUID messageId, UUID mailboxId, Instant at) {
        if (mail.messageId() != null) {
            imports.thread(entityId, mail.messageId(), ticketId, messageId, mailboxId, "in", at);
        }
    }

    private static String sender(InboundMail mail) {
        return mail.senderEmail() == null ? null : truncate(mail.senderEmail().toLowerCase(java.util.Locale.ROOT), 320);
    }

    /** The sender as the ticket's contact address, or {@code null} when the core would not accept it. */
    private static String contactEmail(String address) {
        try {
            return Emails.normalize(address, "contactEmail");
        } catch (InvalidInput e) {
            return null;
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
