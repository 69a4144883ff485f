package org.helpdesk.ticket;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.auth.Role;
import org.helpdesk.auth.Tenant;
import org.helpdesk.common.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * STAND-IN for the core's TicketManagement (issue 10) with its signatures, over the old TicketService, so the
 * pages can be built and tested before main's core lands; replaced by main's on merge. No history is kept.
 */
@Service
public class TicketManagement {
    private final TicketService service;

    TicketManagement(TicketService service) {
        this.service = service;
    }

    public record TicketPage(List<Ticket> items, String nextCursor) {
    }

    public record EventPage(List<TicketEvent> items, String nextCursor) {
    }

    private static Tenant tenant(Actor actor) {
        return new Tenant(actor.entityId(), actor.userId(), actor.name(), Role.AGENT, null, null);
    }

    private static Tenant reader(UUID entityId) {
        return new Tenant(entityId, null, null, Role.VIEWER, null, null);
    }

    @Transactional
    public Ticket create(Actor actor, NewTicket t) {
        return service.create(tenant(actor), new TicketFields(t.subject(), t.description(),
                t.status() == null ? TicketStatus.NEW : t.status(), t.priority() == null ? Priority.NORMAL : t.priority(),
                t.channel() == null ? actor.channel() : t.channel(), t.contactEmail(), t.contactName(), t.categoryId(),
                t.assignedTo()));
    }

    public Ticket change(Actor actor, UUID ticketId, TicketChange change) {
        return service.update(tenant(actor), ticketId, change::apply);
    }

    @Transactional
    public Message addMessage(Actor actor, UUID ticketId, NewMessage m) {
        return service.addMessage(tenant(actor), ticketId,
                new TicketService.NewMessage(m.body(), m.internal(), actor.type(), actor.name()));
    }

    public Ticket get(UUID entityId, UUID ticketId) {
        return service.get(reader(entityId), ticketId);
    }

    public Optional<Ticket> findByNumber(UUID entityId, long number) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("search", "HD-" + number);
        return service.list(TicketQuery.parse(entityId, params), 200).stream().filter(t -> t.number() == number).findFirst();
    }

    public List<Message> messages(UUID entityId, UUID ticketId) {
        if (service.get(reader(entityId), ticketId) == null) {
            throw new NotFound("No such ticket in this entity");
        }
        return service.messages(reader(entityId), ticketId);
    }

    public TicketPage list(TicketQuery query) {
        List<Ticket> rows = service.list(query, query.limit() + 1);
        if (rows.size() <= query.limit()) {
            return new TicketPage(rows, null);
        }
        List<Ticket> page = rows.subList(0, query.limit());
        return new TicketPage(page, query.encode(page.get(page.size() - 1)));
    }

    public long count(TicketQuery query) {
        return service.list(query, 10_000).size();
    }

    public EventPage history(UUID entityId, UUID ticketId, int limit, String cursor) {
        return new EventPage(List.of(), null);
    }
}
