package org.helpdesk.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.helpdesk.ticket.TicketEvent;
import org.helpdesk.ticket.TicketManagement;
import org.helpdesk.ticket.TicketQuery;
import org.helpdesk.ticket.TicketView;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * The views of the ticket list ({@link TicketView}) with their counts, counted with the same queries the list runs.
 */
@Component
class TicketViews {
    private final TicketManagement tickets;
    private final Clock clock;
    /**
     * The counts of a user's views, kept for a few seconds: every list page shows them, and six counts cost more
     * than the page's own list. A change to any ticket of the entity (made on this node) drops the entity's
     * counts at once; what changes by time alone (due in 1 hour, recently updated) or on another node shows within
     * the few seconds.
     */
    private final Cache<CountKey, List<Desk.View>> counts = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(5)).build();

    private record CountKey(UUID entityId, UUID userId) {
    }

    TicketViews(TicketManagement tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    /** Views count up to this many tickets and show "1000+" beyond: an exact count of a million costs seconds. */
    static final long COUNT_CAP = 1000;

    List<Desk.View> counted(Desk desk) {
        return counts.get(new CountKey(desk.entityId(), desk.user().id()), key -> count(desk));
    }

    // a plain listener, at the change (a transactional one would put a row per event into the outbox): a page
    // that reads in the instant before the change commits may keep the old counts for the few seconds
    @EventListener
    void onTicketChange(TicketEvent event) {
        counts.asMap().keySet().removeIf(key -> key.entityId().equals(event.entityId()));
    }

    private List<Desk.View> count(Desk desk) {
        List<Desk.View> views = new ArrayList<>();
        Instant now = clock.instant();
        for (TicketView view : TicketView.values()) {
            Long count = view.counted()
                    ? tickets.count(view.apply(TicketQuery.all(desk.entityId()), desk.user().id(), now), COUNT_CAP + 1)
                    : null;
            views.add(new Desk.View(view.key(), view.label(), count));
        }
        return List.copyOf(views);
    }
}
