package org.helpdesk.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The agents' standing views of the ticket list, as filters on a {@link TicketQuery}: "My open tickets" (assigned
 * to me, new/open/pending), "Unassigned" (open work nobody holds), "All open", "Recently updated" (changed in the
 * last 7 days, newest change first), "All tickets", and the SLA views. A filter the agent chose on the page wins
 * over the view's own.
 */
public enum TicketView {
    MINE("mine", "My open tickets", true),
    UNASSIGNED("unassigned", "Unassigned", true),
    OPEN("open", "All open", true),
    RECENT("recent", "Recently updated", true),
    ALL("all", "All tickets", false),
    /** SLA (API §11): breached and still unmet. */
    BREACHED("breached", "Breached", true),
    /** SLA: an unmet due time within the next hour, earliest first. */
    DUE_SOON("due-soon", "Due in 1 hour", true);

    static final Set<TicketStatus> OPEN_STATUSES = EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING);
    static final Duration RECENT_WINDOW = Duration.ofDays(7);

    private final String key;
    private final String label;
    private final boolean counted;

    TicketView(String key, String label, boolean counted) {
        this.key = key;
        this.label = label;
        this.counted = counted;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Shown with a count beside it ("All tickets" is not: counting a whole entity costs seconds). */
    public boolean counted() {
        return counted;
    }

    public static Optional<TicketView> byKey(String key) {
        for (TicketView view : values()) {
            if (view.key.equals(key)) {
                return Optional.of(view);
            }
        }
        return Optional.empty();
    }

    /**
     * The query of this view for agent {@code me} at {@code now}, on top of the filters chosen on the page (which
     * win). Times are cut to the minute so that a cursor taken on one page still fits the next page's query.
     */
    public TicketQuery apply(TicketQuery chosen, UUID me, Instant now) {
        Set<TicketStatus> statuses = chosen.statuses();
        UUID assignedTo = chosen.assignedTo();
        Instant updatedSince = chosen.updatedSince();
        TicketQuery.Sort sort = chosen.sort();
        TicketQuery.SlaFilter sla = chosen.sla();
        Instant slaDueBefore = chosen.slaDueBefore();
        switch (this) {
            case MINE -> {
                assignedTo = assignedTo == null ? me : assignedTo;
                statuses = statuses.isEmpty() ? OPEN_STATUSES : statuses;
            }
            case UNASSIGNED -> {
                assignedTo = assignedTo == null ? TicketQuery.UNASSIGNED : assignedTo;
                statuses = statuses.isEmpty() ? OPEN_STATUSES : statuses;
            }
            case OPEN -> statuses = statuses.isEmpty() ? OPEN_STATUSES : statuses;
            case RECENT -> {
                updatedSince = updatedSince == null ? now.minus(RECENT_WINDOW).truncatedTo(ChronoUnit.MINUTES) : updatedSince;
                sort = TicketQuery.Sort.UPDATED_DESC;
            }
            case BREACHED -> {
                sla = sla == null ? TicketQuery.SlaFilter.BREACHED : sla;
                sort = TicketQuery.Sort.SLA_DUE;
            }
            case DUE_SOON -> {
                slaDueBefore = slaDueBefore == null ? now.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES) : slaDueBefore;
                sort = TicketQuery.Sort.SLA_DUE;
            }
            case ALL -> {
            }
        }
        return new TicketQuery(chosen.entityId(), statuses, chosen.priorities(), chosen.channels(), assignedTo,
                chosen.categoryId(), chosen.search(), chosen.searchNumber(), updatedSince, sort, chosen.limit(),
                chosen.after(), sla, slaDueBefore, chosen.tags());
    }
}
