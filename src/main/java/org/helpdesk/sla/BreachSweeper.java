package org.helpdesk.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.helpdesk.common.Times;
import org.helpdesk.ticket.EventType;
import org.helpdesk.ticket.FieldChange;
import org.helpdesk.ticket.TicketEvent;
import org.helpdesk.ticket.TicketManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Records breaches: every node sweeps, each pass reads a range of the due-time index (tickets whose earliest
 * unbreached due time has passed, earliest first, in batches) and hands each ticket to the ticket core, which
 * locks it, claims the breach in the database (so it is recorded once whichever node gets there first) and
 * records the history event. Each breach is also published as {@link SlaBreached} in that transaction.
 */
@Component
class BreachSweeper implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(BreachSweeper.class);

    private final TicketManagement tickets;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final Duration interval;
    private final int batch;
    private final int maxBatches;

    BreachSweeper(TicketManagement tickets, ApplicationEventPublisher publisher, Clock clock,
                  SlaSettings settings) {
        this.tickets = tickets;
        this.publisher = publisher;
        this.clock = clock;
        this.interval = settings.sweepInterval();
        this.batch = settings.sweepBatch();
        this.maxBatches = settings.sweepMaxBatches();
    }

    /** Every {@code helpdesk.sla.sweep-interval}, read from the validated settings. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, interval, interval));
    }

    void sweep() {
        try {
            sweepOnce();
        } catch (RuntimeException e) {
            log.warn("SLA breach sweep failed; the next pass tries again: {}", e.toString());
        }
    }

    /** One pass; the number of breaches this node recorded. */
    int sweepOnce() {
        long started = System.nanoTime();
        int recorded = 0;
        int checked = 0;
        for (int round = 0; round < maxBatches; round++) {
            Instant now = Times.now(clock);
            List<TicketManagement.SlaCheck> due = new ArrayList<>(tickets.slaChecksDue(now, batch));
            // every node reads the same earliest-first batch; in its own order, nodes share the batch instead of
            // queueing on the same ticket's lock one after the other and finding it done
            Collections.shuffle(due);
            int progressed = 0;
            for (TicketManagement.SlaCheck check : due) {
                if (tickets.checkSla(check.entityId(), check.ticketId())) {
                    recorded++;
                }
                progressed++;
            }
            checked += progressed;
            if (progressed < batch) {
                break;
            }
        }
        if (checked > 0) {   // operators (and bench/sla-sweep.sh) read the cost of a pass here
            log.info("SLA sweep pass: {} checked, {} breaches in {} ms", checked, recorded,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return recorded;
    }

    /** A breach recorded in a ticket's history (by this sweep or by a change that found it) becomes an SlaBreached. */
    @EventListener
    void onTicketEvent(TicketEvent event) {
        if (event.type() != EventType.UPDATED) {
            return;
        }
        publish(event, "firstResponseBreachedAt", "firstResponse");
        publish(event, "resolutionBreachedAt", "resolution");
    }

    private void publish(TicketEvent event, String field, String target) {
        FieldChange change = event.changes().get(field);
        if (change != null && change.to() != null) {
            publisher.publishEvent(new SlaBreached(event.entityId(), event.ticketId(), target,
                    Instant.parse(change.to().toString()), event.createdAt()));
        }
    }
}
