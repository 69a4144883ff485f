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
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The views of the ticket list, as API list parameters: "My open tickets" (assigned to me, new/open/pending),
 * "Unassigned" (open work nobody holds), "All open", "Recently updated" (changed in the last 7 days, newest
 * change first), "All tickets". Counted with the same queries the list runs.
 */
@Component
class TicketViews {
    static final String OPEN_STATUSES = "new,open,pending";
    static final Duration RECENT = Duration.ofDays(7);

    record Definition(String key, String label, boolean counted) {
    }

    static final List<Definition> ALL = List.of(
            new Definition("mine", "My open tickets", true),
            new Definition("unassigned", "Unassigned", true),
            new Definition("open", "All open", true),
            new Definition("recent", "Recently updated", true),
            new Definition("all", "All tickets", false),
            // SLA (API §11): breached and still unmet; an unmet due time within the next hour (earliest first)
            new Definition("breached", "Breached", true),
            new Definition("due-soon", "Due in 1 hour", true));

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

    static boolean known(String key) {
        return ALL.stream().anyMatch(d -> d.key().equals(key));
    }

    /** The list parameters of a view; the page's own filters are added on top (and win). */
    MultiValueMap<String, String> params(String view, UUID me) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        switch (view) {
            case "mine" -> {
                params.add("assignedTo", me.toString());
                params.add("status", OPEN_STATUSES);
            }
            case "unassigned" -> {
                params.add("assignedTo", "none");
                params.add("status", OPEN_STATUSES);
            }
            case "open" -> params.add("status", OPEN_STATUSES);
            case "recent" -> {
                params.add("updatedSince", Instant.now(clock).minus(RECENT).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
                params.add("sort", "-updatedAt");
            }
            case "breached" -> {
                params.add("sla", "breached");
                params.add("sort", "slaDueAt");
            }
            case "due-soon" -> {
                params.add("slaDueBefore", Instant.now(clock).plus(Duration.ofHours(1))
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
                params.add("sort", "slaDueAt");
            }
            default -> {
            }
        }
        return params;
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
        for (Definition d : ALL) {
            Long count = d.counted()
                    ? tickets.count(TicketQuery.parse(desk.entityId(), params(d.key(), desk.user().id())), COUNT_CAP + 1)
                    : null;
            views.add(new Desk.View(d.key(), d.label(), count));
        }
        return List.copyOf(views);
    }
}
