package org.helpdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.helpdesk.category.CategoryManagement;
import org.helpdesk.category.CategoryDeleted;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.NotFound;
import org.helpdesk.common.Times;
import org.helpdesk.entity.Assignees;
import org.helpdesk.entity.MemberRemoved;
import org.helpdesk.entity.TicketCounter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ticket use cases, for every front door: the API, the pages, the mail poller, scheduled jobs. Each method
 * owns its transaction (a caller's transaction, such as an idempotent retry's, is joined), checks references
 * against the actor's entity, applies the lifecycle rules of {@link Ticket}, and records what changed as
 * {@link TicketEvent}s in the same transaction; the events are also published there, so Spring Modulith's
 * registry delivers them to after-commit listeners at least once.
 */
@Service
public class TicketManagement {
    public static final int DEFAULT_HISTORY_LIMIT = 100;
    public static final int MAX_HISTORY_LIMIT = 500;

    private final Tickets tickets;
    private final TicketCounter counter;
    private final TicketEvents events;
    private final CategoryManagement categories;
    private final Assignees assignees;
    private final ApplicationEventPublisher publisher;
    private final ObjectProvider<MailOutbound> mail;
    private final Clock clock;

    TicketManagement(Tickets tickets, TicketCounter counter, TicketEvents events, CategoryManagement categories, Assignees assignees,
                     ApplicationEventPublisher publisher, ObjectProvider<MailOutbound> mail, Clock clock) {
        this.tickets = tickets;
        this.counter = counter;
        this.events = events;
        this.categories = categories;
        this.assignees = assignees;
        this.publisher = publisher;
        this.mail = mail;
        this.clock = clock;
    }

    @Transactional
    public Ticket create(Actor actor, NewTicket command) {
        TicketFields fields = command.fields(actor.channel());
        checkReferences(actor.entityId(), fields, null);
        long number = counter.next(actor.entityId());
        Instant now = Times.now(clock);
        Ticket ticket = Ticket.create(Ids.newId(), actor.entityId(), number, fields, creator(actor), now);
        tickets.insert(ticket);
        record(actor, ticket, EventType.CREATED, Map.of(), null, now);
        return ticket;
    }

    /** A merge-patch; a change that changes nothing records nothing and leaves updatedAt alone. */
    @Transactional
    public Ticket change(Actor actor, UUID ticketId, TicketChange change) {
        Ticket current = locked(actor.entityId(), ticketId);
        TicketFields wanted = change.applyTo(current.fields());
        checkReferences(actor.entityId(), wanted, current.fields());
        Instant now = Times.now(clock);
        Ticket updated = current.edit(wanted, now);
        if (updated != current) {
            tickets.update(updated);
            record(actor, updated, EventType.UPDATED, changes(current, updated), null, now);
        }
        return updated;
    }

    /**
     * A message and what it does to the ticket (§3): a public agent reply may open it and stamps the first
     * response, a contact reply reopens it. Such a status move is recorded after the message, as {@code updated}.
     */
    @Transactional
    public Message addMessage(Actor actor, UUID ticketId, NewMessage command) {
        return addMessage(actor, ticketId, command, null);
    }

    /** A message that came in by email from {@code fromAddress} (shown as the message's {@code fromAddress}). */
    @Transactional
    public Message addMessage(Actor actor, UUID ticketId, NewMessage command, String fromAddress) {
        if (command.internal() && actor.type() == AuthorType.CONTACT) {
            throw new InvalidInput("A contact message cannot be internal");
        }
        Ticket ticket = locked(actor.entityId(), ticketId);
        Instant now = Times.now(clock);
        boolean emailed = actor.type() == AuthorType.AGENT && !command.internal() && ticket.contactEmail() != null
                && sendsMail(actor.entityId());
        Message message = new Message(Ids.newId(), ticketId, actor.type(), actor.userId(), actor.displayName(ticket),
                command.body(), command.internal(), emailed ? Channel.EMAIL : messageChannel(actor),
                emailed ? Delivery.QUEUED : null, now, fromAddress);
        tickets.insertMessage(actor.entityId(), message);
        Ticket after = ticket.afterMessage(actor.type(), command.internal(), now);
        tickets.update(after);
        record(actor, ticket, EventType.MESSAGE_ADDED, Map.of(), message.id(), now);
        if (after.status() != ticket.status()) {
            record(actor, after, EventType.UPDATED, changes(ticket, after), null, now);
        }
        return message;
    }

    /**
     * The email module reports how a queued message's mail went. A failure also leaves an internal system note,
     * so agents see on the ticket that the contact did not get the reply.
     */
    @Transactional
    public void recordDelivery(UUID entityId, UUID ticketId, UUID messageId, Delivery delivery, String failure) {
        if (!tickets.updateDelivery(entityId, ticketId, messageId, delivery)) {
            throw new NotFound("No such message in this entity");
        }
        if (delivery == Delivery.FAILED) {
            String why = failure == null || failure.isBlank() ? "" : ": " + failure.strip();
            String note = "The email with this reply could not be delivered" + why;
            addMessage(Actor.system(entityId, "System"), ticketId,
                    new NewMessage(note.length() > NewMessage.MAX_BODY ? note.substring(0, NewMessage.MAX_BODY) : note,
                            true));
        }
    }

    // Reads: single statements, no transaction needed (saves BEGIN/COMMIT round trips).

    public Ticket get(UUID entityId, UUID ticketId) {
        return tickets.find(entityId, ticketId).orElseThrow(TicketManagement::notFound);
    }

    public Optional<Ticket> findByNumber(UUID entityId, long number) {
        return tickets.findByNumber(entityId, number);
    }

    /** The conversation, oldest first; empty for an unknown ticket. */
    public List<Message> messages(UUID entityId, UUID ticketId) {
        return tickets.messages(entityId, ticketId);
    }

    @Transactional(readOnly = true) // a subject search sets a planner option for its transaction (Tickets.list)
    public TicketPage list(TicketQuery query) {
        List<Ticket> rows = tickets.list(query, query.limit() + 1);
        if (rows.size() <= query.limit()) {
            return new TicketPage(rows, null);
        }
        List<Ticket> page = List.copyOf(rows.subList(0, query.limit()));
        return new TicketPage(page, query.encode(page.get(page.size() - 1)));
    }

    /** How many tickets match the filters, counted up to {@code cap} (a view shows "1000+" beyond). */
    @Transactional(readOnly = true)
    public long count(TicketQuery query, long cap) {
        if (cap < 1) {
            throw new InvalidInput("cap must be positive");
        }
        return tickets.count(query, cap);
    }

    /** A page of the ticket's history, oldest first; an unknown ticket is {@link TicketNotFound}. */
    @Transactional(readOnly = true)
    public EventPage history(UUID entityId, UUID ticketId, int limit, String cursor) {
        if (limit < 1 || limit > MAX_HISTORY_LIMIT) {
            throw new InvalidInput("limit must be between 1 and " + MAX_HISTORY_LIMIT);
        }
        HistoryCursor after = cursor == null ? null : HistoryCursor.decode(cursor, ticketId);
        if (!tickets.exists(entityId, ticketId)) {
            throw notFound();
        }
        List<TicketEvent> rows = events.page(entityId, ticketId, after, limit + 1);
        if (rows.size() <= limit) {
            return new EventPage(rows, null);
        }
        List<TicketEvent> page = List.copyOf(rows.subList(0, limit));
        TicketEvent last = page.get(page.size() - 1);
        return new EventPage(page, new HistoryCursor(ticketId, last.createdAt(), last.id()).encode());
    }

    // Side effects of other features, inside their transactions: recorded on each ticket they touch.

    @EventListener
    void onMemberRemoved(MemberRemoved event) {
        Actor actor = Actor.agent(event.entityId(), event.removedBy(), event.removedByName(), Channel.WEB);
        releaseAll(actor, tickets.lockAssignedTo(event.entityId(), event.userId()),
                ticket -> TicketChange.none().assignedTo(null));
    }

    @EventListener
    void onCategoryDeleted(CategoryDeleted event) {
        Actor actor = Actor.agent(event.entityId(), event.deletedBy(), event.deletedByName(), Channel.WEB);
        releaseAll(actor, tickets.lockInCategory(event.entityId(), event.categoryId()),
                ticket -> TicketChange.none().categoryId(null));
    }

    private void releaseAll(Actor actor, List<Ticket> affected, Function<Ticket, TicketChange> change) {
        Instant now = Times.now(clock);
        for (Ticket current : affected) {
            // no reference check: clearing a reference always points into the entity
            Ticket updated = current.edit(change.apply(current).applyTo(current.fields()), now);
            if (updated != current) {
                tickets.update(updated);
                record(actor, updated, EventType.UPDATED, changes(current, updated), null, now);
            }
        }
    }

    private void record(Actor actor, Ticket ticket, EventType type, Map<String, FieldChange> changes,
                        UUID messageId, Instant now) {
        TicketEvent event = new TicketEvent(Ids.newId(), ticket.entityId(), ticket.id(), type, actor.type(),
                actor.userId(), actor.displayName(ticket), changes, messageId, now);
        events.insert(event);
        publisher.publishEvent(event);
    }

    /** The fields that differ, with their API values, in the Ticket's field order. */
    static Map<String, FieldChange> changes(Ticket before, Ticket after) {
        Map<String, FieldChange> out = new LinkedHashMap<>();
        diff(out, "subject", before.subject(), after.subject());
        diff(out, "description", before.description(), after.description());
        diff(out, "status", before.status().wire(), after.status().wire());
        diff(out, "priority", before.priority().wire(), after.priority().wire());
        diff(out, "channel", before.channel().wire(), after.channel().wire());
        diff(out, "contactEmail", before.contactEmail(), after.contactEmail());
        diff(out, "contactName", before.contactName(), after.contactName());
        diff(out, "categoryId", before.categoryId(), after.categoryId());
        diff(out, "assignedTo", before.assignedTo(), after.assignedTo());
        return out;
    }

    private static void diff(Map<String, FieldChange> out, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            out.put(field, new FieldChange(from == null ? null : from.toString(), to == null ? null : to.toString()));
        }
    }

    private boolean sendsMail(UUID entityId) {
        MailOutbound outbound = mail.getIfAvailable();
        return outbound != null && outbound.sendsMailFor(entityId);
    }

    /** A message's channel: how its author reached us (a ticket may also say phone or chat; messages do not). */
    private static Channel messageChannel(Actor actor) {
        return switch (actor.channel()) {
            case WEB, EMAIL -> actor.channel();
            default -> Channel.API;
        };
    }

    /** The ticket's createdBy: the acting user; contacts and the system act for no user (the ticket has none). */
    private static UUID creator(Actor actor) {
        return actor.userId();
    }

    private Ticket locked(UUID entityId, UUID ticketId) {
        return tickets.findForUpdate(entityId, ticketId).orElseThrow(TicketManagement::notFound);
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
                && !assignees.canHoldTickets(entityId, assignee)) {
            throw new InvalidInput("assignedTo must be an agent, admin or owner of this entity");
        }
    }

    static TicketNotFound notFound() {
        return new TicketNotFound();
    }
}
