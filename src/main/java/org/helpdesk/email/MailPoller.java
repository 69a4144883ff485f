package org.helpdesk.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.helpdesk.common.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Polls due mailboxes over IMAP and hands each unseen mail to the {@link MailImporter}. A node polls a mailbox
 * only while it holds the mailbox's claim (see {@link Mailboxes#claim}); a mail is marked \Seen only after its
 * import committed, and the import record makes a mail seen twice (a crash in between, a second node) a no-op.
 */
@Component
class MailPoller implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(MailPoller.class);
    /** Below this size a mail is fetched whole in one round trip; above it, only the parts that are read. */
    private static final int FETCH_WHOLE_BYTES = 1 << 20;
    /**
     * Imported mails are marked \Seen in groups (one STORE command each): a crash before a group is marked only
     * means its mails are read again next time and skipped by their import records.
     */
    private static final int SEEN_BATCH = 50;

    private final String node = "node-" + UUID.randomUUID();
    /** Entities with a poll running on this node (one at a time each) and the free poll slots of the node. */
    private final java.util.Set<UUID> polling = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.Semaphore slots;
    private final Mailboxes mailboxes;
    private final MailConnections connections;
    private final MailImporter importer;
    private final MailSettings settings;
    private final MailMetrics metrics;
    private final Clock clock;

    MailPoller(Mailboxes mailboxes, MailConnections connections, MailImporter importer, MailSettings settings,
               MailMetrics metrics, Clock clock) {
        this.mailboxes = mailboxes;
        this.connections = connections;
        this.importer = importer;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.slots = new java.util.concurrent.Semaphore(settings.pollConcurrency());
    }

    /** Every {@code helpdesk.mail.tick}, read from the validated settings. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::pollDue, settings.tick(), settings.tick()));
    }

    /**
     * Starts the due polls, concurrently: at most {@code pollConcurrency} at once on this node and one per entity at
     * a time, each on a virtual thread of its own, so one entity's slow or silent mail servers hold one slot and
     * never delay another entity's mail by more than a tick.
     */
    void pollDue() {
        if (!settings.pollingEnabled()) {
            return;
        }
        for (Mailboxes.Due due : mailboxes.due(Times.now(clock), 50)) {
            if (polling.contains(due.entityId()) || !slots.tryAcquire()) {
                continue;
            }
            if (!polling.add(due.entityId())) {
                slots.release();
                continue;
            }
            Thread.ofVirtual().name("mail-poll-" + due.id()).start(() -> {
                try {
                    poll(due.entityId(), due.id());
                } catch (RuntimeException e) {
                    log.error("Polling mailbox {} failed", due.id(), e);
                } finally {
                    polling.remove(due.entityId());
                    slots.release();
                }
            });
        }
    }

    /** Polls one mailbox now, unless another node holds its claim (then {@code false}). */
    boolean poll(UUID entityId, UUID mailboxId) {
        Instant start = Times.now(clock);
        if (!mailboxes.claim(entityId, mailboxId, node, start, start.plus(settings.lease()))) {
            return false;
        }
        Mailbox mailbox = null;
        String error = null;
        boolean more = false;
        try {
            mailbox = mailboxes.find(entityId, mailboxId).orElse(null);
            if (mailbox != null) {
                more = importUnseen(mailbox, start);
            }
        } catch (MailFailure e) {
            error = e.getMessage();
        } catch (MessagingException e) {
            error = MailConnections.describe("IMAP", mailbox.imap(), e);
        } catch (RuntimeException e) {
            log.error("Polling mailbox {} of entity {} failed", mailboxId, entityId, e);
            error = "Unexpected error while polling (" + e.getClass().getSimpleName() + "); see the server log";
        } finally {
            Instant done = Times.now(clock);
            long seconds = mailbox == null ? MailboxManagement.DEFAULT_POLL_SECONDS : mailbox.pollSeconds();
            if (error != null) {
                // a failing mailbox backs off: pollSeconds doubled per failure in a row, at most an hour
                int failures = Math.min(mailboxes.pollFailures(entityId, mailboxId) + 1, 20);
                seconds = Math.min(3600, seconds << Math.min(failures, 12));
                error = error + " (failed " + failures + (failures == 1 ? " time" : " times")
                        + " in a row; next try in " + seconds + " s)";
            }
            mailboxes.release(entityId, mailboxId, node, done, more ? done : done.plusSeconds(seconds),
                    error == null ? null : error.length() > 1000 ? error.substring(0, 999) + "…" : error);
        }
        if (error != null) {
            metrics.pollFailed();
            log.warn("Polling mailbox {} ({}) failed: {}", mailbox == null ? mailboxId : mailbox.address(),
                    entityId, error);
        }
        return true;
    }

    /**
     * Imports the unseen mails of the inbox, at most max-per-poll; {@code true} when more are waiting. Called by
     * {@link #poll} under the mailbox's claim; safe without it too (tests run it twice at once): the import record
     * decides.
     */
    boolean importUnseen(Mailbox mailbox, Instant claimedAt) throws MessagingException {
        try (Store store = connections.openImap(mailbox)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                Message[] unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                Message[] batch = Arrays.copyOf(unseen, Math.min(unseen.length, settings.maxPerPoll()));
                FetchProfile profile = new FetchProfile();
                profile.add(UIDFolder.FetchProfileItem.UID);
                profile.add(FetchProfile.Item.SIZE);
                profile.add(FetchProfile.Item.FLAGS);
                inbox.fetch(batch, profile);
                UIDFolder uids = (UIDFolder) inbox;
                long validity = uids.getUIDValidity();
                Duration halfLease = settings.lease().dividedBy(2);
                Instant claimed = claimedAt;
                List<Message> imported = new ArrayList<>();
                try {
                    for (Message message : batch) {
                        MimeMessage mail = (MimeMessage) message;
                        if (mail.getSize() >= 0 && mail.getSize() < FETCH_WHOLE_BYTES) {
                            mail = new MimeMessage(mail);
                        }
                        importer.take(mailbox, mail, validity, uids.getUID(message));
                        imported.add(message);
                        if (imported.size() == SEEN_BATCH) {
                            markSeen(inbox, imported);
                        }
                        Instant now = Times.now(clock);
                        if (now.isAfter(claimedAt.plus(settings.pollBudget()))) {
                            // this poll's time is up: the rest come with the next poll, at once
                            return true;
                        }
                        if (now.isAfter(claimed.plus(halfLease))) {
                            // a long batch: keep the claim so no other node starts on the same mails meanwhile
                            mailboxes.renew(mailbox.entityId(), mailbox.id(), node, now.plus(settings.lease()));
                            claimed = now;
                        }
                    }
                } finally {
                    if (!imported.isEmpty() && inbox.isOpen()) {
                        markSeen(inbox, imported);
                    }
                }
                return unseen.length > batch.length;
            } finally {
                if (inbox.isOpen()) {
                    inbox.close(false);
                }
            }
        }
    }

    private static void markSeen(Folder inbox, List<Message> imported) throws MessagingException {
        inbox.setFlags(imported.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
        imported.clear();
    }
}
