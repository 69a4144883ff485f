package org.helpdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.helpdesk.auth.Tenant;
import org.helpdesk.category.Categories;
import org.helpdesk.category.CategoryDeleted;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.NotFound;
import org.helpdesk.common.Times;
import org.helpdesk.entity.Entities;
import org.helpdesk.entity.MemberRemoved;
import org.helpdesk.ops.HelpdeskMetrics;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ticket use cases. Callers validate the shape of input; this class checks references and applies the rules. */
@Service
class TicketService {
    private final Tickets tickets;
    private final Categories categories;
    private final Entities entities;
    private final Clock clock;
    private final HelpdeskMetrics metrics;

    TicketService(Tickets tickets, Categories categories, Entities entities, Clock clock, HelpdeskMetrics metrics) {
        this.tickets = tickets;
        this.categories = categories;
        this.entities = entities;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Runs inside the caller's transaction (see {@link Idempotency}). */
    Ticket create(Tenant tenant, TicketFields fields) {
        checkReferences(tenant.entityId(), fields, null);
        long number = tickets.nextNumber(tenant.entityId());
        Ticket ticket = Ticket.create(Ids.newId(), tenant.entityId(), number, fields, tenant.userId(), Times.now(clock));
        tickets.insert(ticket);
        metrics.ticketCreated(fields.channel());
        return ticket;
    }

    // Reads run without a transaction: each statement autocommits, which saves BEGIN/COMMIT round trips.
    Ticket get(Tenant tenant, UUID id) {
        return tickets.find(tenant.entityId(), id).orElseThrow(TicketService::notFound);
    }

    List<Message> messages(Tenant tenant, UUID ticketId) {
        return tickets.messages(tenant.entityId(), ticketId);
    }

    @Transactional(readOnly = true) // a subject search sets a planner option for its transaction (Tickets.list)
    List<Ticket> list(TicketQuery query, int rows) {
        return tickets.list(query, rows);
    }

    /** A merge-patch: {@code patch} turns the current fields into the wanted ones. */
    @Transactional
    Ticket update(Tenant tenant, UUID id, java.util.function.UnaryOperator<TicketFields> patch) {
        Ticket current = tickets.findForUpdate(tenant.entityId(), id).orElseThrow(TicketService::notFound);
        TicketFields wanted = patch.apply(current.fields());
        checkReferences(tenant.entityId(), wanted, current.fields());
        Ticket updated = current.edit(wanted, Times.now(clock));
        if (updated != current) {
            tickets.update(updated);
        }
        return updated;
    }

    /** A new message and what it does to the ticket; runs inside the caller's transaction. */
    Message addMessage(Tenant tenant, UUID ticketId, NewMessage request) {
        Ticket ticket = tickets.findForUpdate(tenant.entityId(), ticketId).orElseThrow(TicketService::notFound);
        Instant now = Times.now(clock);
        String authorName = request.authorName() != null ? request.authorName() : switch (request.authorType()) {
            case AGENT -> tenant.userName();
            case CONTACT -> ticket.contactName() != null ? ticket.contactName()
                    : ticket.contactEmail() != null ? ticket.contactEmail() : "Contact";
            case SYSTEM -> "System";
        };
        UUID authorId = request.authorType() == AuthorType.AGENT ? tenant.userId() : null;
        Message message = new Message(Ids.newId(), ticketId, request.authorType(), authorId, authorName,
                request.body(), request.internal(), now);
        tickets.insertMessage(tenant.entityId(), message);
        tickets.update(ticket.afterMessage(request.authorType(), request.internal(), now));
        metrics.messageAdded(request.authorType());
        return message;
    }

    record NewMessage(String body, boolean internal, AuthorType authorType, String authorName) {
    }

    @EventListener
    void onMemberRemoved(MemberRemoved event) {
        tickets.unassignAll(event.entityId(), event.userId(), event.at());
    }

    @EventListener
    void onCategoryDeleted(CategoryDeleted event) {
        tickets.uncategorizeAll(event.entityId(), event.categoryId(), Times.now(clock));
    }

    /** categoryId and assignedTo must point into the same entity; unchanged ones are not looked up again. */
    private void checkReferences(UUID entityId, TicketFields fields, TicketFields before) {
        UUID category = fields.categoryId();
        if (category != null && (before == null || !category.equals(before.categoryId()))
                && !categories.exists(entityId, category)) {
            throw new InvalidInput("categoryId is not a category of this entity");
        }
        UUID assignee = fields.assignedTo();
        if (assignee != null && (before == null || !assignee.equals(before.assignedTo()))
                && !entities.isAgent(entityId, assignee)) {
            throw new InvalidInput("assignedTo must be an agent, admin or owner of this entity");
        }
    }

    private static NotFound notFound() {
        return new NotFound("No such ticket in this entity");
    }
}
