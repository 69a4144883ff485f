package org.helpdesk.email;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.helpdesk.common.Times;
import org.helpdesk.ticket.AttachedFile;
import org.helpdesk.ticket.Channel;
import org.helpdesk.ticket.TicketNumber;
import org.helpdesk.ticket.Delivery;
import org.helpdesk.ticket.Message;
import org.helpdesk.ticket.Ticket;
import org.helpdesk.ticket.MailQueued;
import org.helpdesk.ticket.TicketManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends agent replies to the ticket's contact. The ticket core's MESSAGE_ADDED event arrives after commit and
 * at least once (Spring Modulith's outbox, republished after a crash); it only queues the mail (one row per
 * message) and tries it at once. Failed attempts are retried with doubling waits by {@link #sendDue()}; after
 * the last one the message is marked failed on the ticket.
 */
@Component
class MailSender implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(MailSender.class);

    private final TicketManagement tickets;
    private final MailFiles files;
    private final MailDeliveries deliveries;
    private final MailImports imports;
    private final Mailboxes mailboxes;
    private final MailConnections connections;
    private final MailSettings settings;
    private final MailMetrics metrics;
    private final TransactionTemplate tx;
    private final Clock clock;

    MailSender(TicketManagement tickets, MailFiles files, MailDeliveries deliveries, MailImports imports,
               Mailboxes mailboxes, MailConnections connections, MailSettings settings, MailMetrics metrics,
               TransactionTemplate tx, Clock clock) {
        this.tickets = tickets;
        this.files = files;
        this.deliveries = deliveries;
        this.imports = imports;
        this.mailboxes = mailboxes;
        this.connections = connections;
        this.settings = settings;
        this.metrics = metrics;
        this.tx = tx;
        this.clock = clock;
    }

    // only messages queued for email are published as MailQueued: nothing else leaves a row in the outbox
    @ApplicationModuleListener
    void on(MailQueued event) {
        Optional<Message> message = message(event.entityId(), event.ticketId(), event.messageId());
        if (message.isEmpty() || message.get().channel() != Channel.EMAIL
                || message.get().delivery() != Delivery.QUEUED) {
            return;
        }
        deliveries.enqueue(event.entityId(), event.messageId(), event.ticketId(), Times.now(clock));
        if (settings.pollingEnabled()) {
            send(event.entityId(), event.messageId());
        }
    }

    /** Every {@code helpdesk.mail.tick}, read from the validated settings. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::sendDue, settings.tick(), settings.tick()));
    }

    /** Retries due sends, and sends a crashed node queued but never finished. */
    void sendDue() {
        if (!settings.pollingEnabled()) {
            return;
        }
        for (MailDeliveries.Delivery due : deliveries.due(Times.now(clock), 50)) {
            send(due.entityId(), due.messageId());
        }
    }

    /** One attempt, if the send is due and no other node is at it. */
    void send(UUID entityId, UUID messageId) {
        Instant now = Times.now(clock);
        Optional<MailDeliveries.Delivery> claimed = deliveries.claim(entityId, messageId, now,
                now.plus(settings.lease()));
        if (claimed.isEmpty()) {
            return;
        }
        MailDeliveries.Delivery delivery = claimed.get();
        Mailbox mailbox = null;
        try {
            Ticket ticket = tickets.get(entityId, delivery.ticketId());
            Message message = message(entityId, delivery.ticketId(), messageId)
                    .orElseThrow(() -> new Permanent("the message no longer exists"));
            if (ticket.contactEmail() == null) {
                throw new Permanent("the ticket has no contact email address");
            }
            mailbox = imports.mailboxOf(entityId, ticket.id()).flatMap(id -> mailboxes.find(entityId, id))
                    .or(() -> mailboxes.firstEnabled(entityId))
                    .orElseThrow(() -> new Permanent("the entity has no enabled mailbox to send from"));
            JavaMailSenderImpl smtp = connections.smtp(mailbox);
            String rfcId = rfcMessageId(messageId, mailbox.address());
            smtp.send(compose(smtp, mailbox, ticket, message, rfcId));
            Instant sentAt = Times.now(clock);
            tx.executeWithoutResult(status -> {
                deliveries.sent(entityId, messageId, sentAt);
                if (!imports.known(entityId, rfcId)) {
                    imports.thread(entityId, rfcId, ticket.id(), messageId, null, "out", sentAt);
                }
                tickets.recordDelivery(entityId, ticket.id(), messageId, Delivery.SENT, null);
            });
            metrics.sent();
        } catch (Permanent e) {
            giveUp(delivery, e.getMessage());
        } catch (MailFailure e) {
            failedAttempt(delivery, e.getMessage());
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            failedAttempt(delivery, MailConnections.describe("SMTP", mailbox.smtp(), e));
        } catch (RuntimeException e) {
            log.error("Sending the mail of message {} failed unexpectedly", messageId, e);
            failedAttempt(delivery, "unexpected error (" + e.getClass().getSimpleName() + "); see the server log");
        }
    }

    private void failedAttempt(MailDeliveries.Delivery delivery, String reason) {
        if (delivery.attempts() >= settings.sendAttempts()) {
            giveUp(delivery, reason + " (gave up after " + delivery.attempts() + " attempts)");
            return;
        }
        Duration wait = settings.sendBackoff().multipliedBy(1L << Math.min(delivery.attempts() - 1, 16));
        deliveries.retryLater(delivery.entityId(), delivery.messageId(), Times.now(clock).plus(wait), cut(reason));
        metrics.retried();
        log.warn("Mail of message {} not sent (attempt {} of {}), retrying in {}: {}", delivery.messageId(),
                delivery.attempts(), settings.sendAttempts(), wait, reason);
    }

    private void giveUp(MailDeliveries.Delivery delivery, String reason) {
        tx.executeWithoutResult(status -> {
            deliveries.failed(delivery.entityId(), delivery.messageId(), cut(reason));
            tickets.recordDelivery(delivery.entityId(), delivery.ticketId(), delivery.messageId(), Delivery.FAILED,
                    reason);
        });
        metrics.failed();
        log.warn("Mail of message {} failed for good: {}", delivery.messageId(), reason);
    }

    private MimeMessage compose(JavaMailSenderImpl smtp, Mailbox mailbox, Ticket ticket, Message message,
                                String rfcId) throws MessagingException, UnsupportedEncodingException {
        MimeMessage mail = smtp.createMimeMessage();
        List<AttachedFile> attached = files.ofMessage(ticket.entityId(), ticket.id(), message.id());
        MimeMessageHelper helper = new MimeMessageHelper(mail, attached.isEmpty() ? MimeMessageHelper.MULTIPART_MODE_NO
                : MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(new InternetAddress(mailbox.address(), mailbox.name(), "UTF-8"));
        helper.setTo(new InternetAddress(ticket.contactEmail(), ticket.contactName(), "UTF-8"));
        helper.setSubject(subject(ticket.ticketNumber(), ticket.subject()));
        helper.setText(message.body(), false);
        files.attach(helper, attached);
        mail.setHeader("Message-ID", rfcId);
        List<String> thread = new ArrayList<>(imports.threadOf(ticket.entityId(), ticket.id()));
        thread.remove(rfcId);
        if (!thread.isEmpty()) {
            mail.setHeader("In-Reply-To", thread.getLast());
            mail.setHeader("References", String.join(" ", thread));
        }
        return mail;
    }

    /** {@code [HD-42] Printer broken}: earlier tags and Re:/Fwd: prefixes of the ticket's subject are dropped. */
    static String subject(String ticketNumber, String ticketSubject) {
        String clean = ticketSubject.replaceAll("(?i)^\\s*((re|aw|fwd?|wg)\\s*:\\s*|\\[" + TicketNumber.PREFIX + "\\d+]\\s*)+", "")
                .strip();
        return "[" + ticketNumber + "] " + (clean.isEmpty() ? ticketSubject.strip() : clean);
    }

    /** The Message-ID of a message's mail: derived from the message id, so a resend carries the same one. */
    static String rfcMessageId(UUID messageId, String address) {
        return "<" + messageId + "@" + address.substring(address.lastIndexOf('@') + 1) + ">";
    }

    private Optional<Message> message(UUID entityId, UUID ticketId, UUID messageId) {
        return tickets.messages(entityId, ticketId).stream().filter(m -> m.id().equals(messageId)).findFirst();
    }

    private static String cut(String reason) {
        return reason.length() > 1000 ? reason.substring(0, 999) + "…" : reason;
    }

    /** A failure no retry can fix. */
    private static final class Permanent extends RuntimeException {
        Permanent(String message) {
            super(message, null, false, false);
        }
    }
}
