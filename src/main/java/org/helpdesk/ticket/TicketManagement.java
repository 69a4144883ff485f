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
import org.helpdesk.common.Paging;
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
    private final ObjectProvider<ContactLinks> contacts;

    TicketManagement(Tickets tickets, TicketCounter counter, TicketEvents events, CategoryManagement categories, Assignees assignees,
                     ApplicationEventPublisher publisher, ObjectProvider<MailOutbound> mail, Clock clock,
                     ObjectProvider<ContactLinks> contacts) {
        this.tickets = tickets;
        this.counter = counter;
        this.events = events;
        this.categories = categories;
        this.assignees = assignees;
        this.publisher = publisher;
        this.mail = mail;
        this.clock = clock;
        this.contacts = contacts;
    }

    @Transactional
    public Ticket create(Actor actor, NewTicket command) {
        TicketFields fields = command.fields(actor.channel());
        checkReferences(actor.entityId(), fields, null);
        fields = linkContact(actor.entityId(), fields, null, command.contactId() != null,
                command.contactEmail() != null, command.contactName() != null);
        long number = counter.next(actor.entityId());
        Instant now = Times.now(clock);
        Ticket ticket = Ticket.create(Ids.newId(), actor.entityId(), number, fields, creator(actor), now);
        tickets.insert(ticket);
        ticket = withSla(null, ticket, now);
        record(actor, ticket, EventType.CREATED, Map.of(), null, now);
        recordBreaches(null, ticket, now);
        return ticket;
    }

    /** A merge-patch; a change that changes nothing records nothing and leaves updatedAt alone. */
    @Transactional
    public Ticket change(Actor actor, UUID ticketId, TicketChange change) {
        Ticket current = locked(actor.entityId(), ticketId);
        current.requireNotMerged();
        TicketFields wanted = change.applyTo(current.fields());
        checkReferences(actor.entityId(), wanted, current.fields());
        wanted = linkContact(actor.entityId(), wanted, current.fields(), change.setsContactId(),
                change.setsContactEmail(), change.setsContactName());
        Instant now = Times.now(clock);
        Ticket updated = current.edit(wanted, now);
        if (updated != current) {
            tickets.update(updated);
            if (!updated.tags().equals(current.tags())) {
                tickets.updateTags(current, updated);
            }
            updated = withSla(current, updated, now);
            record(actor, updated, EventType.UPDATED, changes(current, updated), null, now);
            recordBreaches(current, updated, now);
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
        ticket.requireNotMerged();
        Instant now = Times.now(clock);
        boolean emailed = actor.type() == AuthorType.AGENT && !command.internal() && ticket.contactEmail() != null
                && sendsMail(actor.entityId());
        Message message = new Message(Ids.newId(), ticketId, actor.type(), actor.userId(), actor.displayName(ticket),
                command.body(), command.internal(), emailed ? Channel.EMAIL : messageChannel(actor),
                emailed ? Delivery.QUEUED : null, now, fromAddress);
        tickets.insertMessage(actor.entityId(), message);
        Ticket after = ticket.afterMessage(actor.type(), command.internal(), now);
        tickets.update(after);
        after = withSla(ticket, after, now);
        record(actor, ticket, EventType.MESSAGE_ADDED, Map.of(), message.id(), now);
        if (emailed) {
            publisher.publishEvent(new MailQueued(actor.entityId(), ticketId, message.id()));
        }
        if (after.status() != ticket.status()) {
            record(actor, after, EventType.UPDATED, changes(ticket, after), null, now);
        }
        recordBreaches(ticket, after, now);
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
            // a merge may have moved the message since it was queued: the note goes where the message is now
            UUID current = tickets.ticketOfMessage(entityId, messageId).orElse(ticketId);
            addMessage(Actor.system(entityId, "System"), current,
                    new NewMessage(note.length() > NewMessage.MAX_BODY ? note.substring(0, NewMessage.MAX_BODY) : note,
                            true));
        }
    }

    /**
     * Merges the sources into the target (API §10), all in one transaction: every message of each source moves
     * to the target keeping its time; each source is closed, points at the target ({@code mergedInto}), gets an
     * internal system note "Merged into HD-n" and takes no changes or messages from then on. History: an
     * {@code updated} event on each source, a {@code merged} event per source on the target.
     */
    @Transactional
    public Ticket merge(Actor actor, UUID targetId, MergeTickets command) {
        if (command.sourceIds().contains(targetId)) {
            throw new InvalidInput("A ticket cannot be merged into itself");
        }
        List<UUID> all = new ArrayList<>(command.sourceIds());
        all.add(targetId);
        Map<UUID, Ticket> locked = new LinkedHashMap<>();
        tickets.lockAll(actor.entityId(), all).forEach(t -> locked.put(t.id(), t));
        if (locked.size() != all.size()) {
            throw notFound();
        }
        Ticket target = locked.get(targetId);
        target.requireNotMerged();
        command.sourceIds().forEach(id -> locked.get(id).requireNotMerged());
        Instant now = Times.now(clock);
        Actor system = Actor.system(actor.entityId(), "System");
        for (UUID sourceId : command.sourceIds()) {
            Ticket source = locked.get(sourceId);
            tickets.moveMessages(actor.entityId(), source.id(), target.id());
            Ticket closed = source.mergeInto(target, now);
            tickets.update(closed);
            record(actor, closed, EventType.UPDATED, changes(source, closed), null, now);
            Message note = new Message(Ids.newId(), source.id(), AuthorType.SYSTEM, null, "System",
                    "Merged into " + target.ticketNumber(), true, messageChannel(system), null, now, null);
            tickets.insertMessage(actor.entityId(), note);
            record(system, closed, EventType.MESSAGE_ADDED, Map.of(), note.id(), now);
            record(actor, target, EventType.MERGED, Map.of("mergedFrom", new FieldChange(null, source.id().toString())),
                    null, now);
        }
        Ticket merged = target.touched(now);
        tickets.update(merged);
        return merged;
    }

    /**
     * The ticket that carries on {@code ticket}'s conversation: itself, or the ticket it was merged into (followed
     * through later merges). Mail answering a merged ticket's thread lands there.
     */
    public Ticket currentOf(Ticket ticket) {
        Ticket current = ticket;
        for (int hops = 0; current.mergedInto() != null && hops < 20; hops++) {
            Optional<Ticket> next = tickets.find(current.entityId(), current.mergedInto());
            if (next.isEmpty()) {
                break;
            }
            current = next.get();
        }
        return current;
    }

    /** The entity's tags in use, most used first: suggestions for the agents' tag field. */
    public List<String> tagsInUse(UUID entityId, int limit) {
        return tickets.tagsInUse(entityId, Math.max(1, Math.min(limit, 1000)));
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
            throw new InvalidInput(Paging.tooMany(MAX_HISTORY_LIMIT));
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

    // Contacts (API §9): the contact module's merge, unmerge and erasure go through here.

    /** The contact's tickets, newest first, in keyset pages of the ticket list's size rules. */
    @Transactional(readOnly = true)
    public TicketPage contactTickets(UUID entityId, UUID contactId, int limit, String cursor) {
        if (limit < 1 || limit > TicketQuery.MAX_LIMIT) {
            throw new InvalidInput(Paging.tooMany(TicketQuery.MAX_LIMIT));
        }
        ContactTicketsCursor after = cursor == null ? null : ContactTicketsCursor.decode(cursor, contactId);
        List<Ticket> rows = tickets.listByContact(entityId, contactId, after, limit + 1);
        if (rows.size() <= limit) {
            return new TicketPage(rows, null);
        }
        List<Ticket> page = List.copyOf(rows.subList(0, limit));
        Ticket last = page.get(page.size() - 1);
        return new TicketPage(page, new ContactTicketsCursor(contactId, last.createdAt(), last.id()).encode());
    }

    /**
     * Links the tickets of contact {@code from} to contact {@code to} (all of them, or only those of
     * {@code onlyThese} that are still {@code from}'s), each recording an {@code updated} event (contactId). The
     * ticket keeps its address and name. Returns the ids of the tickets moved.
     */
    @Transactional
    public List<UUID> moveContactTickets(Actor actor, UUID from, UUID to, java.util.Collection<UUID> onlyThese) {
        Objects.requireNonNull(to, "to");
        Instant now = Times.now(clock);
        List<UUID> moved = new ArrayList<>();
        for (Ticket current : tickets.lockByContact(actor.entityId(), from)) {
            if (onlyThese != null && !onlyThese.contains(current.id())) {
                continue;
            }
            TicketFields fields = current.fields();
            Ticket updated = current.edit(fields.withContact(fields.contactEmail(), fields.contactName(), to), now);
            tickets.update(updated);
            record(actor, updated, EventType.UPDATED, changes(current, updated), null, now);
            moved.add(current.id());
        }
        return moved;
    }

    /**
     * Erasure of a contact (API §9, data-protection requests): its tickets lose address, name and link, every
     * contact message on them and every history entry a contact made is named "Erased contact", and earlier
     * history entries no longer show the address or name. Each ticket records an {@code updated} event that
     * names only the cleared contactId (the erased values are not written again). Returns how many tickets.
     */
    @Transactional
    public int eraseContact(Actor actor, UUID contactId) {
        Instant now = Times.now(clock);
        int count = 0;
        for (Ticket current : tickets.lockByContact(actor.entityId(), contactId)) {
            Ticket updated = current.edit(current.fields().withContact(null, null, null), now);
            tickets.update(updated);
            tickets.eraseContactAuthor(actor.entityId(), current.id(), ERASED_CONTACT);
            events.eraseContact(actor.entityId(), current.id(), ERASED_CONTACT);
            record(actor, updated, EventType.UPDATED,
                    Map.of("contactId", new FieldChange(contactId.toString(), null)), null, now);
            count++;
        }
        return count;
    }

    /** Builds the indexes contacts need on PostgreSQL without blocking ticket writes; call outside a transaction. */
    public void prepareContactIndexes() {
        tickets.ensureContactIndexes();
    }

    /**
     * Links the entity's tickets that have an address but no contact yet (tickets from before contacts existed),
     * up to {@code batch} of them after ticket {@code after} (null: from the start), in one transaction; no history
     * is recorded (nothing a person did changed). Returns the last ticket looked at, or null when none was left.
     */
    @Transactional
    public UUID linkUnlinkedContacts(UUID entityId, UUID after, int batch) {
        ContactLinks links = contacts.getIfAvailable();
        if (links == null) {
            return null;
        }
        List<Tickets.Unlinked> rows = tickets.unlinked(entityId, after, batch);
        Map<String, String> nameByAddress = new LinkedHashMap<>(); // in ticket order: the oldest name first
        rows.forEach(row -> nameByAddress.merge(row.email(), row.name() == null ? "" : row.name(),
                (first, later) -> first.isBlank() ? later : first));
        Map<String, UUID> contactByAddress = links.forAddresses(entityId, nameByAddress);
        Map<UUID, UUID> links1 = new LinkedHashMap<>();
        for (Tickets.Unlinked row : rows) {
            UUID contact = contactByAddress.get(row.email());
            if (contact != null) { // null: an address from before today's rules, the ticket stays without a contact
                links1.put(row.id(), contact);
            }
        }
        tickets.setContacts(entityId, links1);
        return rows.isEmpty() ? null : rows.get(rows.size() - 1).id();
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
                updated = withSla(current, updated, now);
                record(actor, updated, EventType.UPDATED, changes(current, updated), null, now);
                recordBreaches(current, updated, now);
            }
        }
    }

    // Service levels (API §11): the SLA module computes them through the ServiceLevels port, the core stores
    // them with the change and records breaches in the ticket's history.

    private ServiceLevels serviceLevels;

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void serviceLevels(ServiceLevels serviceLevels) {
        this.serviceLevels = serviceLevels;
    }

    /** A ticket the breach sweep should look at. */
    public record SlaCheck(UUID entityId, UUID ticketId) {
    }

    /** Tickets of any entity with an unmet due time at or before {@code now}, earliest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<SlaCheck> slaChecksDue(Instant now, int limit) {
        return tickets.slaBreachCandidates(now, limit).stream().map(c -> new SlaCheck(c.entityId(), c.id())).toList();
    }

    /**
     * The breach sweep's use case: the ticket's SLA state brought up to now; a due time passed unmet is recorded
     * once (claimed in the database), with an {@code updated} history event by the system. False when nothing
     * was recorded (already done by another node, met, or not due).
     */
    @Transactional
    public boolean checkSla(UUID entityId, UUID ticketId) {
        Optional<Ticket> found = tickets.findForUpdate(entityId, ticketId);
        if (found.isEmpty() || serviceLevels == null) {
            return false;
        }
        Ticket current = found.get();
        Instant now = Times.now(clock);
        Ticket updated = withSla(current, current, now);
        if (!recordBreaches(current, updated, now)) {
            return false;
        }
        Ticket touched = new Ticket(updated.id(), updated.entityId(), updated.number(), updated.subject(),
                updated.description(), updated.priority(), updated.channel(), updated.contact(), updated.assignment(),
                updated.createdBy(), updated.lifecycle().touched(now), updated.tags(), updated.mergedInto(),
                updated.sla());
        tickets.update(touched);
        return true;
    }

    /**
     * The ticket with its SLA state after a change, stored. A breach it newly has is first claimed in the
     * database (set only where none is recorded yet), so it is recorded once even when several nodes see it.
     */
    private Ticket withSla(Ticket before, Ticket after, Instant now) {
        TicketSla was = before == null ? null : before.sla();
        if (serviceLevels == null) {
            return after.withSla(was);
        }
        TicketSla sla = serviceLevels.evaluate(before, after.withSla(was), now);
        if (sla != null) {
            Instant fr = sla.firstResponseBreachedAt();
            if (fr != null && (was == null || was.firstResponseBreachedAt() == null)
                    && !tickets.claimSlaBreach(after.entityId(), after.id(), true, fr)) {
                fr = null;
            }
            Instant res = sla.resolutionBreachedAt();
            if (res != null && (was == null || was.resolutionBreachedAt() == null)
                    && !tickets.claimSlaBreach(after.entityId(), after.id(), false, res)) {
                res = null;
            }
            sla = new TicketSla(sla.policyId(), sla.firstResponseDueAt(), sla.resolutionDueAt(), fr, res,
                    sla.pausedSince(), sla.stoppedSince(), sla.stoppedMillis(), sla.dueAt(), sla.breachCheckAt(),
                    sla.breached());
        }
        Ticket out = after.withSla(sla);
        if (!Objects.equals(sla, was)) {
            tickets.updateSla(out);
        }
        return out;
    }

    /** The breaches {@code after} has and {@code before} had not, recorded as an {@code updated} event by the system. */
    private boolean recordBreaches(Ticket before, Ticket after, Instant now) {
        TicketSla was = before == null ? null : before.sla();
        TicketSla is = after.sla();
        if (is == null) {
            return false;
        }
        Map<String, FieldChange> breaches = new LinkedHashMap<>();
        if (is.firstResponseBreachedAt() != null && (was == null || was.firstResponseBreachedAt() == null)) {
            breaches.put("firstResponseBreachedAt", new FieldChange(null, isoMillis(is.firstResponseBreachedAt())));
        }
        if (is.resolutionBreachedAt() != null && (was == null || was.resolutionBreachedAt() == null)) {
            breaches.put("resolutionBreachedAt", new FieldChange(null, isoMillis(is.resolutionBreachedAt())));
        }
        if (breaches.isEmpty()) {
            return false;
        }
        record(Actor.system(after.entityId(), "System"), after, EventType.UPDATED, breaches, null, now);
        return true;
    }

    private static String isoMillis(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(at);
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
        diff(out, "contactId", before.contactId(), after.contactId());
        diff(out, "categoryId", before.categoryId(), after.categoryId());
        diff(out, "assignedTo", before.assignedTo(), after.assignedTo());
        if (!before.tags().equals(after.tags())) {
            out.put("tags", new FieldChange(before.tags(), after.tags()));
        }
        diff(out, "mergedInto", before.mergedInto(), after.mergedInto());
        return out;
    }

    private static void diff(Map<String, FieldChange> out, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            out.put(field, new FieldChange(from == null ? null : from.toString(), to == null ? null : to.toString()));
        }
    }

    /** The name that erased contacts go by on messages and in the history (API §9). */
    public static final String ERASED_CONTACT = "Erased contact";

    /**
     * Links the ticket to its contact (API §9). A contactId given names the contact: the ticket takes its primary
     * address (or the address given, when it is one of the contact's) and its name (unless a name was given); a
     * contactId of {@code null} takes the contact off (address and name too). An address given alone is looked up,
     * and a contact made for it when the entity has none. Both given and disagreeing: 400.
     */
    private TicketFields linkContact(UUID entityId, TicketFields wanted, TicketFields before, boolean idGiven,
                                     boolean emailGiven, boolean nameGiven) {
        ContactLinks links = contacts.getIfAvailable();
        if (links == null) {
            return wanted;
        }
        if (idGiven) {
            UUID id = wanted.contactId();
            if (id == null) {
                if (emailGiven && wanted.contactEmail() != null) {
                    throw new InvalidInput("contactEmail and contactId disagree: a ticket without a contact has no contactEmail");
                }
                return wanted.withContact(null, nameGiven ? wanted.contactName() : null, null);
            }
            ContactLinks.LinkedContact contact = links.find(entityId, id)
                    .orElseThrow(() -> new InvalidInput("contactId is not a contact of this entity"));
            if (contact.mergedInto() != null) {
                throw new InvalidInput("contactId names a contact that was merged into " + contact.mergedInto()
                        + "; use that contact");
            }
            String email = contact.primaryEmail();
            if (emailGiven) {
                if (wanted.contactEmail() == null
                        || !contact.emails().contains(wanted.contactEmail().toLowerCase(java.util.Locale.ROOT))) {
                    throw new InvalidInput("contactEmail and contactId disagree: contactEmail is not an address of that contact");
                }
                email = wanted.contactEmail();
            }
            return wanted.withContact(email, nameGiven ? wanted.contactName() : contact.name(), contact.id());
        }
        if (emailGiven) {
            String email = wanted.contactEmail();
            if (email == null) {
                return wanted.withContact(null, wanted.contactName(), null);
            }
            if (before != null && before.contactId() != null && email.equalsIgnoreCase(before.contactEmail())) {
                return wanted;
            }
            UUID id = links.forAddress(entityId, email, wanted.contactName()).id();
            return wanted.withContact(email, wanted.contactName(), id);
        }
        return wanted;
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
