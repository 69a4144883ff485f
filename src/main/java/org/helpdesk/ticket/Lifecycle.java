package org.helpdesk.ticket;

import java.time.Instant;

/**
 * A ticket's status and its server-owned timestamps, and the one place of the lifecycle rules of API §3.
 * Immutable: every rule returns the lifecycle as it is afterwards (the same instance when nothing changes).
 */
public record Lifecycle(TicketStatus status, Instant createdAt, Instant updatedAt, Instant firstResponseAt,
                        Instant resolvedAt, Instant closedAt) {

    /** A ticket just opened: status new, created and updated now. */
    public static Lifecycle opened(Instant now) {
        return new Lifecycle(TicketStatus.NEW, now, now, null, null, null);
    }

    /**
     * Status rules: becoming {@code resolved} stamps resolvedAt; becoming {@code closed} stamps closedAt, and
     * resolvedAt too if the ticket was never resolved; going back to new/open/pending clears both. A move
     * to the status the ticket already has changes nothing.
     */
    public Lifecycle moveTo(TicketStatus to, Instant now) {
        if (to == status) {
            return this;
        }
        Instant resolved = resolvedAt;
        Instant closed = closedAt;
        switch (to) {
            case RESOLVED -> {
                resolved = now;
                closed = null;
            }
            case CLOSED -> {
                if (resolved == null) {
                    resolved = now;
                }
                closed = now;
            }
            case NEW, OPEN, PENDING -> {
                resolved = null;
                closed = null;
            }
        }
        return new Lifecycle(to, createdAt, now, firstResponseAt, resolved, closed);
    }

    /**
     * Message rules: the first public agent message stamps firstResponseAt and moves a new ticket to open;
     * a contact writing on a pending, resolved or closed ticket reopens it. Every message moves updatedAt.
     */
    public Lifecycle afterMessage(AuthorType author, boolean internal, Instant now) {
        Lifecycle next = this;
        if (author == AuthorType.AGENT && !internal) {
            if (firstResponseAt == null) {
                next = new Lifecycle(next.status, createdAt, next.updatedAt, now, next.resolvedAt, next.closedAt);
            }
            if (next.status == TicketStatus.NEW) {
                next = next.moveTo(TicketStatus.OPEN, now);
            }
        }
        if (author == AuthorType.CONTACT && (status == TicketStatus.PENDING || status == TicketStatus.RESOLVED
                || status == TicketStatus.CLOSED)) {
            next = next.moveTo(TicketStatus.OPEN, now);
        }
        return next.touched(now);
    }

    /** Any change to the ticket moves updatedAt. */
    public Lifecycle touched(Instant now) {
        return new Lifecycle(status, createdAt, now, firstResponseAt, resolvedAt, closedAt);
    }
}
