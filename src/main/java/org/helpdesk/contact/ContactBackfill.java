package org.helpdesk.contact;

import java.util.List;
import java.util.UUID;

import org.helpdesk.ticket.TicketManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Links the tickets from before contacts existed (docs/contacts.md): at start-up, in the background (first building
 * the contact indexes on PostgreSQL, concurrently), every
 * entity's tickets that have an address but no contact get the contact of that address (made when missing), in
 * batches of {@value #BATCH} tickets, one short transaction each, so no lock is held for long and the service
 * answers meanwhile. Idempotent: it only looks at unlinked tickets, so a restart (or a second node doing the
 * same) carries on where it stopped; once all are linked it costs one index probe per entity.
 */
@Component
class ContactBackfill {
    static final int BATCH = 1000;
    private static final int ENTITIES_PER_READ = 200;
    private static final Logger log = LoggerFactory.getLogger(ContactBackfill.class);

    private final Contacts contacts;
    private final TicketManagement tickets;
    private final boolean enabled;
    /** Batches with tickets this run; the contact tables' statistics are refreshed when it reaches a power of two. */
    private long batchesDone;

    ContactBackfill(Contacts contacts, TicketManagement tickets,
                    ContactSettings settings) {
        this.contacts = contacts;
        this.tickets = tickets;
        this.enabled = settings.backfill();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        Thread.ofVirtual().name("contact-backfill").start(() -> {
            try {
                tickets.prepareContactIndexes();
                if (enabled) {
                    long linked = run();
                    if (linked > 0) {
                        log.info("Contact backfill done: {} batches of tickets linked to their contacts", linked);
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Contact backfill stopped; it carries on at the next start", e);
            }
        });
    }

    /** Links every entity's unlinked tickets; returns how many batches had tickets. */
    long run() {
        long batches = 0;
        UUID afterEntity = null;
        while (true) {
            List<UUID> entities = contacts.entitiesAfter(afterEntity, ENTITIES_PER_READ);
            if (entities.isEmpty()) {
                return batches;
            }
            for (UUID entityId : entities) {
                batches += runFor(entityId);
            }
            afterEntity = entities.get(entities.size() - 1);
        }
    }

    /** Links one entity's unlinked tickets, batch by batch; returns how many batches had tickets. */
    long runFor(UUID entityId) {
        long batches = 0;
        UUID after = tickets.linkUnlinkedContacts(entityId, null, BATCH);
        while (after != null) {
            batches++;
            afterBatch();
            after = tickets.linkUnlinkedContacts(entityId, after, BATCH);
        }
        return batches;
    }

    /**
     * A batch adds up to {@value #BATCH} contacts: at 1, 2, 4, 8… batches the tables may have doubled since the
     * last refresh, so the planner's picture of them stays within a factor of two for a logarithmic number of
     * {@code ANALYZE}s (see {@link Contacts#refreshStatistics}).
     */
    private void afterBatch() {
        batchesDone++;
        if (Long.bitCount(batchesDone) == 1) {
            try {
                contacts.refreshStatistics();
            } catch (RuntimeException e) {
                log.debug("Contact statistics not refreshed (autovacuum's analyze will)", e);
            }
        }
    }
}
