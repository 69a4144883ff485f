package org.helpdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.helpdesk.ticket.ServiceLevels;
import org.helpdesk.ticket.Ticket;
import org.helpdesk.ticket.TicketSla;
import org.helpdesk.ticket.TicketStatus;
import org.springframework.stereotype.Component;

/**
 * The rules of API §11, behind the ticket core's {@link ServiceLevels} port: which policy applies, the due
 * times in its business hours, the pause of the resolution clock while pending, resolved or closed, and when
 * a due time counts as breached. See docs/sla.md.
 */
@Component
class SlaEngine implements ServiceLevels {
    private final SlaPolicies policies;
    private final Calendars calendars;

    SlaEngine(SlaPolicies policies, Calendars calendars) {
        this.policies = policies;
        this.calendars = calendars;
    }

    /** The first policy by position whose match fits the ticket, or null. */
    SlaPolicy policyFor(Ticket ticket) {
        List<SlaPolicy> all = policies.list(ticket.entityId());
        for (SlaPolicy p : all) {
            if (p.match().fits(ticket.priority(), ticket.categoryId(), ticket.channel())) {
                return p;
            }
        }
        return null;
    }

    BusinessHours hoursOf(SlaPolicy policy) {
        if (policy.calendarId() == null) {
            return BusinessHours.ALWAYS;
        }
        return calendars.find(policy.entityId(), policy.calendarId()).map(Calendar::businessHours)
                .orElse(BusinessHours.ALWAYS);
    }

    @Override
    public TicketSla evaluate(Ticket before, Ticket after, Instant now) {
        SlaPolicy policy = policyFor(after);
        if (policy == null) {
            return null;
        }
        return state(policy, hoursOf(policy), after, after.sla(), now);
    }

    /** The SLA state of a ticket under a policy, from its stored state, at {@code now}. Pure. */
    static TicketSla state(SlaPolicy policy, BusinessHours hours, Ticket ticket, TicketSla stored, Instant now) {
        TicketStatus status = ticket.status();
        boolean done = status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
        boolean stopsClock = done || status == TicketStatus.PENDING;

        // The resolution clock: stopped while pending, resolved or closed; the stopped business time adds up.
        Instant stoppedSince = stored == null ? null : stored.stoppedSince();
        long stoppedMillis = stored == null ? 0 : stored.stoppedMillis();
        if (stored == null) {
            stoppedSince = stopsClock ? now : null;
        } else if (stoppedSince != null && !stopsClock) {
            stoppedMillis += hours.between(stoppedSince, now).toMillis();
            stoppedSince = null;
        } else if (stoppedSince == null && stopsClock) {
            stoppedSince = now;
        }

        SlaPolicy.Target target = policy.targets().get(ticket.priority().wire());
        Instant created = ticket.createdAt();
        Instant firstDue = target == null || target.firstResponse() == null ? null
                : hours.plus(created, Duration.ofMinutes(target.firstResponse()));
        Instant resolutionDue = target == null || target.resolution() == null ? null
                : hours.plus(created, Duration.ofMinutes(target.resolution()).plusMillis(stoppedMillis));

        // First response: met by firstResponseAt; a ticket resolved without one stops being judged then.
        Instant responded = ticket.firstResponseAt();
        boolean firstLate = firstDue != null && (responded != null ? responded.isAfter(firstDue)
                : !firstDue.isAfter(done ? ticket.resolvedAt() : now));
        // Resolution: met by resolvedAt; the clock stood still since stoppedSince.
        boolean resolutionLate = resolutionDue != null
                && (stoppedSince != null ? resolutionDue.isBefore(stoppedSince) : !resolutionDue.isAfter(now));

        Instant firstBreached = firstLate ? keep(stored == null ? null : stored.firstResponseBreachedAt(), firstDue) : null;
        Instant resolutionBreached = resolutionLate
                ? keep(stored == null ? null : stored.resolutionBreachedAt(), resolutionDue) : null;

        boolean firstOpen = firstDue != null && responded == null && !done;
        boolean resolutionOpen = resolutionDue != null && !done;
        Instant dueAt = earliest(firstOpen ? firstDue : null, resolutionOpen ? resolutionDue : null);
        Instant checkAt = earliest(firstOpen && firstBreached == null ? firstDue : null,
                resolutionOpen && stoppedSince == null && resolutionBreached == null ? resolutionDue : null);
        boolean breached = (firstOpen && firstBreached != null) || (resolutionOpen && resolutionBreached != null);
        Instant pausedSince = status == TicketStatus.PENDING ? stoppedSince : null;
        return new TicketSla(policy.id(), firstDue, resolutionDue, firstBreached, resolutionBreached, pausedSince,
                stoppedSince, stoppedMillis, dueAt, checkAt, breached);
    }

    /** A breach once recorded keeps its time; a new one is recorded at the due time. */
    private static Instant keep(Instant recorded, Instant due) {
        return recorded != null ? recorded : due;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
