package org.helpdesk.email;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.helpdesk.common.Conflict;
import org.helpdesk.common.DomainException;
import org.helpdesk.common.Emails;
import org.helpdesk.common.Ids;
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
 * message and the thread's Message-ID are written in one transaction. A mail a guard stops (flood, automatic,
 * loop, refused by the core) is suspended instead, whole and with its reason, in the same transaction as its
 * import record; an administrator may release it later ({@link #release}).
 */
@Component
class MailImporter {
    private static final Logger log = LoggerFactory.getLogger(MailImporter.class);
    private static final Pattern TICKET_NUMBER = Pattern.compile("\\[" + TicketNumber.PATTERN.pattern() + "]");
    static final String NO_SUBJECT = "(no subject)";

    enum Outcome { IMPORTED, SUSPENDED, IGNORED, DUPLICATE, FAILED }

    /** What a mail became: the ticket, and the message when it was added to an existing ticket. */
    record Delivered(UUID ticketId, long ticketNumber, UUID messageId) {
    }

    private final TicketManagement tickets;
    private final TicketAttachments withFiles;
    private final MailFiles files;
    private final MailImports imports;
    private final SuspendedMails suspended;
    private final Mailboxes mailboxes;
    private final MailSettings settings;
    private final MailMetrics metrics;
    private final TransactionTemplate tx;
    private final Clock clock;

    MailImporter(TicketManagement tickets, TicketAttachments withFiles, MailFiles files, MailImports imports,
                 SuspendedMails suspended, Mailboxes mailboxes, MailSettings settings, MailMetrics metrics,
                 TransactionTemplate tx, Clock clock) {
        this.tickets = tickets;
        this.withFiles = withFiles;
        this.files = files;
        this.imports = imports;
        this.suspended = suspended;
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
            Outcome outcome = tx.execute(status -> importOnce(mailbox, raw, mail, key, taken));
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
            // a mail the core refuses must not come back on every poll, nor be lost: it is suspended with the reason
            // (the detail of an unexpected error stays in the log, under a reference)
            String ref = UUID.randomUUID().toString().substring(0, 8);
            log.error("Mail {} from {} in mailbox {} could not be imported; it is suspended (ref {})", key,
                    mail.senderEmail(), mailbox.address(), ref, e);
            String why = e instanceof DomainException ? "The helpdesk refused the mail: " + e.getMessage()
                    : "The helpdesk could not import the mail (error ref " + ref + "; see the server log)";
            try {
                tx.executeWithoutResult(status -> {
                    Instant now = Times.now(clock);
                    imports.record(mailbox.entityId(), mailbox.id(), key, sender(mail), "suspended", now);
                    suspend(mailbox, raw, mail, key, new Stop(SuspendedMail.Reason.REFUSED, "refused", why), now);
                });
            } catch (DuplicateKeyException duplicate) {
                return Outcome.DUPLICATE;
            }
            return Outcome.FAILED;
        }
    }

    /**
     * Imports a suspended mail as if it had just arrived, past the guards (an administrator released it). The
     * entry is deleted in the import's transaction: of two releases at once one imports, the other finds nothing
     * ({@link SuspendedMailNotFound}); an import that fails leaves the entry as it was.
     */
    Delivered release(Mailbox mailbox, UUID suspendedId) {
        UUID entityId = mailbox.entityId();
        SuspendedMails.Raw raw = suspended.raw(entityId, mailbox.id(), suspendedId)
                .orElseThrow(SuspendedMailNotFound::new);
        if (raw.bytes() == null) {
            throw new Conflict("This mail (" + raw.size() + " bytes) was too large to keep; it is still in the"
                    + " mailbox on the mail server");
        }
        MimeMessage message;
        InboundMail mail;
        try {
            message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.bytes()));
            mail = InboundMail.read(message);
        } catch (MessagingException e) {
            throw new Conflict("The kept mail cannot be read as a mail; delete it");
        }
        MailFiles.Taken taken = files.take(entityId, message);
        try {
            Delivered delivered = tx.execute(status -> {
                if (!suspended.delete(entityId, mailbox.id(), suspendedId)) {
                    throw new SuspendedMailNotFound(); // released or deleted meanwhile
                }
                Instant now = Times.now(clock);
                if (mail.messageId() != null && imports.known(entityId, mail.messageId())) {
                    throw new Conflict("This mail already came in (through another mailbox or an earlier release);"
                            + " nothing was imported");
                }
                imports.released(entityId, mailbox.id(), raw.mailKey());
                try {
                    return deliver(mailbox, mail, taken, now);
                } catch (InvalidInput e) {
                    throw new Conflict("The mail still cannot be imported: " + e.getMessage());
                }
            });
            metrics.imported();
            log.info("Suspended mail {} of mailbox {} released into ticket {}", suspendedId, mailbox.address(),
                    delivered.ticketId());
            return delivered;
        } catch (RuntimeException e) {
            files.discard(entityId, taken);
            throw e;
        }
    }

    private Outcome importOnce(Mailbox mailbox, MimeMessage raw, InboundMail mail, String key,
                               MailFiles.Taken taken) {
        Instant now = Times.now(clock);
        Stop stop = stoppedBecause(mailbox, mail, now);
        if (stop != null && stop.reason() == null) {
            imports.record(mailbox.entityId(), mailbox.id(), key, sender(mail), "ignored", now);
            log.info("Mail {} from {} to {} ignored: {}", key, mail.senderEmail(), mailbox.address(), stop.why());
            metrics.ignored(stop.metric());
            return Outcome.IGNORED;
        }
        if (stop != null) {
            imports.record(mailbox.entityId(), mailbox.id(), key, sender(mail), "suspended", now);
            suspend(mailbox, raw, mail, key, stop, now);
            return Outcome.SUSPENDED;
        }
        imports.record(mailbox.entityId(), mailbox.id(), key, sender(mail), "imported", now);
        deliver(mailbox, mail, taken, now);
        return Outcome.IMPORTED;
    }

    /** Keeps the stopped mail, whole, with its reason, for {@code suspended-retention} (issue 28). */
    private void suspend(Mailbox mailbox, MimeMessage raw, InboundMail mail, String key, Stop stop, Instant now) {
        // the server's size first: a mail over the limit is not fetched into memory only to be left out
        int announced = sizeOf(raw);
        byte[] bytes = announced > settings.suspendedMaxBytes() ? null : bytesOf(raw);
        long size = bytes == null ? Math.max(0, announced) : bytes.length;
        if (bytes != null && bytes.length > settings.suspendedMaxBytes()) {
            bytes = null;
        }
        String subject = mail.subject().isBlank() ? NO_SUBJECT : truncate(mail.subject(), 1000);
        suspended.insert(new SuspendedMail(mailbox.entityId(), Ids.newId(), mailbox.id(), now, sender(mail), subject,
                stop.reason(), truncate(stop.why(), 1000), now.plus(settings.suspendedRetention())), key, bytes, size,
                now);
        log.info("Mail {} from {} to {} suspended: {}", key, mail.senderEmail(), mailbox.address(), stop.why());
        metrics.suspended(stop.reason().wire());
    }

    private static byte[] bytesOf(MimeMessage raw) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            raw.writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            log.warn("A suspended mail's bytes could not be read ({}); only its headers' summary is kept",
                    e.getClass().getSimpleName());
            return null;
        }
    }

    private static int sizeOf(MimeMessage raw) {
        try {
            return raw.getSize();
        } catch (MessagingException e) {
            return -1;
        }
    }

    /** The mail becomes a ticket, or a message on the ticket it answers. */
    private Delivered deliver(Mailbox mailbox, InboundMail mail, MailFiles.Taken taken, Instant now) {
        UUID entityId = mailbox.entityId();
        String contactEmail = contactEmail(mail.senderEmail());
        String senderText = mail.senderEmail() == null ? "an unknown sender" : mail.senderEmail();
        String contactName = mail.senderName() != null ? truncate(mail.senderName(), 255)
                : contactEmail == null ? truncate(senderText, 255) : null;
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
                String note = "From " + senderText + ": " + body;
                message = withFiles.addMessage(Actor.system(entityId, contactName != null ? contactName
                                : truncate(senderText, 255)), ticket.get().id(),
                        new NewMessage(truncate(note, NewMessage.MAX_BODY), true), taken.uploads(), from);
            }
            thread(entityId, mail, ticket.get().id(), message.id(), mailbox.id(), now);
            leftOutNote(entityId, ticket.get().id(), taken);
            return new Delivered(ticket.get().id(), ticket.get().number(), message.id());
        }
        String subject = mail.subject().isBlank() ? NO_SUBJECT : truncate(mail.subject(), 255);
        Ticket created = withFiles.create(Actor.contact(entityId, contactName != null ? contactName : contactEmail,
                        Channel.EMAIL),
                new NewTicket(subject, mail.text().isBlank() ? null : mail.text(), null, null, Channel.EMAIL,
                        contactEmail, contactName, null, null), taken.uploads());
        thread(entityId, mail, created.id(), null, mailbox.id(), now);
        leftOutNote(entityId, created.id(), taken);
        return new Delivered(created.id(), created.number(), null);
    }

    /** A mail over the limits still comes in; an internal note names each file left out and why (API §8). */
    private void leftOutNote(UUID entityId, UUID ticketId, MailFiles.Taken taken) {
        String note = taken.note();
        if (note != null) {
            tickets.addMessage(Actor.system(entityId, "System"), ticketId,
                    new NewMessage(truncate(note, NewMessage.MAX_BODY), true));
        }
    }

    /**
     * Why a mail is not imported now: {@code reason} the guard that suspends it, or {@code null} for a mail that is
     * only ignored (a duplicate, already in a ticket); {@code metric} the ignore counter's label.
     */
    private record Stop(SuspendedMail.Reason reason, String metric, String why) {
    }

    /** The guard that stops the mail, or {@code null} when it is to be imported. */
    private Stop stoppedBecause(Mailbox mailbox, InboundMail mail, Instant now) {
        if (mail.senderEmail() == null) {
            return new Stop(SuspendedMail.Reason.AUTOMATIC, "automatic",
                    "The mail has no sender address (typical of automatic mail); it did not open a ticket");
        }
        if (mail.autoReason() != null) {
            return new Stop(SuspendedMail.Reason.AUTOMATIC, "automatic", "An automatic mail (" + mail.autoReason()
                    + "): auto-replies, bounces and list mail never open tickets by themselves");
        }
        if (mailboxes.isSupportAddress(mail.senderEmail())) {
            return new Stop(SuspendedMail.Reason.LOOP, "own-address", "Sent by " + mail.senderEmail()
                    + ", a support mailbox of this installation: held back as a possible mail loop");
        }
        if (mail.messageId() != null && imports.known(mailbox.entityId(), mail.messageId())) {
            return new Stop(null, "duplicate", "duplicate: this mail already came in through another mailbox of the entity");
        }
        if (imports.importedFrom(mailbox.entityId(), sender(mail), now.minusSeconds(60)) >= settings.floodPerMinute()) {
            return new Stop(SuspendedMail.Reason.FLOOD, "flood", "More than " + settings.floodPerMinute()
                    + " mails a minute from " + mail.senderEmail() + ": held back as a possible flood or mail loop");
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
