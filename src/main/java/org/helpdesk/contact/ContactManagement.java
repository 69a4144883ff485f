package org.helpdesk.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.Paging;
import org.helpdesk.common.Times;
import org.helpdesk.ticket.Actor;
import org.helpdesk.ticket.TicketManagement;
import org.helpdesk.ticket.TicketPage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact use cases (API §9), for the API and the pages alike: list, create, read, change, erase, merge and
 * unmerge. Each owns its transaction; tickets are changed only through {@link TicketManagement}, so every moved
 * or erased ticket records its history there. Permission is checked by the caller.
 */
@Service
public class ContactManagement {
    private final Contacts contacts;
    private final Organizations organizations;
    private final TicketManagement tickets;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ContactManagement(Contacts contacts, Organizations organizations, TicketManagement tickets, Clock clock,
                      ApplicationEventPublisher events) {
        this.contacts = contacts;
        this.organizations = organizations;
        this.tickets = tickets;
        this.clock = clock;
        this.events = events;
    }

    /** A page of contacts that are not merged, newest first; {@code q} matches name or address, any case. */
    @Transactional(readOnly = true)
    public ContactPage<Contact> list(UUID entityId, String q, UUID organizationId, int limit, String cursor) {
        if (limit < 1 || limit > ListCursor.MAX_LIMIT) {
            throw new InvalidInput(Paging.tooMany(ListCursor.MAX_LIMIT));
        }
        String term = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        String query = "contacts|" + entityId + "|" + term + "|" + organizationId;
        UUID after = ListCursor.decode(cursor, query);
        String pattern = term == null ? null
                : "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Contact> rows = contacts.list(entityId, pattern, organizationId, after, limit + 1);
        if (rows.size() <= limit) {
            return new ContactPage<>(rows, null);
        }
        List<Contact> page = List.copyOf(rows.subList(0, limit));
        return new ContactPage<>(page, ListCursor.encode(query, page.get(page.size() - 1).id()));
    }

    public Contact get(UUID entityId, UUID id) {
        return contacts.find(entityId, id).orElseThrow(ContactNotFound::new);
    }

    /** The contact's tickets, newest first (a merged contact has none left: they moved with the merge). */
    public TicketPage tickets(UUID entityId, UUID id, int limit, String cursor) {
        get(entityId, id);
        return tickets.contactTickets(entityId, id, limit, cursor);
    }

    /** The merges into this contact that can still be undone, newest first. */
    public List<MergeInfo> undoableMerges(UUID entityId, UUID id) {
        Instant oldest = Times.now(clock).minus(MergeRules.UNDO_WINDOW);
        return contacts.mergesInto(entityId, id).stream().filter(m -> !m.mergedAt().isBefore(oldest))
                .map(m -> new MergeInfo(m.sourceId(), m.emails(), m.mergedByName(), m.mergedAt())).toList();
    }

    /** A merge as the pages show it: who was merged in, with which addresses, by whom and when. */
    public record MergeInfo(UUID sourceId, List<String> emails, String mergedByName, Instant mergedAt) {
    }

    /**
     * A new contact. Its addresses must be free in the entity (409 naming their contact); an organization given
     * must be one of the entity's (400); without one given, the contact joins the organization of its addresses'
     * domain, if any.
     */
    @Transactional
    public Contact create(Actor actor, NewContact command) {
        UUID entityId = actor.entityId();
        requireFree(entityId, command.emails(), null);
        UUID organization = command.organizationGiven() ? command.organizationId()
                : ContactRules.organizationByDomain(command.emails(),
                        organizations.ownersOf(entityId, ContactRules.domainsOf(command.emails())));
        if (command.organizationGiven()) {
            requireOrganization(entityId, organization);
        }
        Instant now = Times.now(clock);
        Contact contact = new Contact(Ids.newId(), entityId, command.name(), command.emails(), command.phone(),
                organization, null, now, now);
        try {
            contacts.insert(contact);
        } catch (DuplicateKeyException e) {
            requireFree(entityId, command.emails(), null);
            throw e;
        }
        events.publishEvent(new ContactEvent("created", entityId, contact, List.of(), now));
        return contact;
    }

    /** A merge-patch; a merged contact refuses it (409). A change that changes nothing leaves updatedAt alone. */
    @Transactional
    public Contact change(Actor actor, UUID id, ContactChange change) {
        UUID entityId = actor.entityId();
        Contact current = contacts.findForUpdate(entityId, id).orElseThrow(ContactNotFound::new);
        if (current.merged()) {
            throw new ContactMerged(current.id(), current.mergedInto());
        }
        Contact wanted = change.applyTo(current, current.updatedAt());
        if (wanted.equals(current)) {
            return current;
        }
        if (change.setsEmails()) {
            requireFree(entityId, wanted.emails(), id);
        }
        if (change.setsOrganization() && !java.util.Objects.equals(wanted.organizationId(), current.organizationId())) {
            requireOrganization(entityId, wanted.organizationId());
        }
        Contact updated = change.applyTo(current, Times.now(clock));
        contacts.update(updated);
        if (change.setsEmails() && !updated.emails().equals(current.emails())) {
            contacts.replaceEmails(entityId, id, updated.emails());
        }
        events.publishEvent(new ContactEvent("updated", entityId, updated, List.of(), updated.updatedAt()));
        return updated;
    }

    /**
     * Erasure (API §9): the contact and its addresses go; its tickets keep their text but lose address, name and
     * link, and its messages are named "Erased contact" (done by the ticket core, with history). Contacts merged
     * into it are the same person and go too. A merged contact is erased through the contact it was merged into.
     */
    @Transactional
    public void erase(Actor actor, UUID id) {
        UUID entityId = actor.entityId();
        Contact contact = contacts.findForUpdate(entityId, id).orElseThrow(ContactNotFound::new);
        if (contact.merged()) {
            throw new ContactMerged(contact.id(), contact.mergedInto());
        }
        for (UUID source : contacts.mergedInto(entityId, id)) {
            tickets.eraseContact(actor, source);
            contacts.delete(entityId, source);
        }
        tickets.eraseContact(actor, id);
        contacts.delete(entityId, id);
    }

    /**
     * Merges up to 10 contacts into {@code targetId} (API §9): their addresses (after the target's own) and
     * tickets move to it, each moved ticket records an {@code updated} event, and each source stays with
     * {@code mergedInto}. What moved is recorded for 30 days, so that {@link #unmerge} can undo it exactly.
     */
    @Transactional
    public Contact merge(Actor actor, UUID targetId, List<UUID> sourceIds) {
        UUID entityId = actor.entityId();
        List<UUID> sources = MergeRules.sources(targetId, sourceIds);
        // locked in id order, so two merges over the same contacts cannot deadlock
        List<UUID> all = new ArrayList<>(sources);
        all.add(targetId);
        all.sort(Comparator.naturalOrder());
        Map<UUID, Contact> locked = new java.util.HashMap<>();
        for (UUID id : all) {
            locked.put(id, contacts.findForUpdate(entityId, id).orElseThrow(ContactNotFound::new));
        }
        Contact target = locked.get(targetId);
        List<Contact> sourceContacts = sources.stream().map(locked::get).toList();
        MergeRules.checkMerge(target, sourceContacts);
        Instant now = Times.now(clock);
        int position = target.emails().size();
        List<String> emails = new ArrayList<>(target.emails());
        for (Contact source : sourceContacts) {
            contacts.moveEmails(entityId, source.emails(), targetId, position);
            position += source.emails().size();
            emails.addAll(source.emails());
            List<UUID> moved = tickets.moveContactTickets(actor, source.id(), targetId, null);
            contacts.insertMerge(entityId, new Contacts.MergeRecord(Ids.newId(), targetId, source.id(),
                    source.emails(), moved, actor.userId(), actor.name(), now));
            contacts.update(new Contact(source.id(), entityId, source.name(), List.of(), source.phone(),
                    source.organizationId(), targetId, source.createdAt(), now));
        }
        Contact merged = new Contact(targetId, entityId, target.name(), emails, target.phone(),
                target.organizationId(), null, target.createdAt(), now);
        contacts.update(merged);
        events.publishEvent(new ContactEvent("merged", entityId, merged, sources, now));
        return merged;
    }

    /**
     * Undoes the merge of {@code sourceId} into {@code targetId} within 30 days (else 409): exactly the addresses
     * and tickets that merge moved go back (tickets created for the target since stay), and the source is no
     * longer merged. The merge record is removed.
     */
    @Transactional
    public Contact unmerge(Actor actor, UUID targetId, UUID sourceId) {
        UUID entityId = actor.entityId();
        if (targetId.equals(sourceId)) {
            throw new InvalidInput("A contact cannot be unmerged from itself");
        }
        Contact target = null;
        Contact source = null;
        for (UUID id : targetId.compareTo(sourceId) < 0 ? List.of(targetId, sourceId) : List.of(sourceId, targetId)) {
            Contact c = contacts.findForUpdate(entityId, id).orElseThrow(ContactNotFound::new);
            if (id.equals(targetId)) {
                target = c;
            } else {
                source = c;
            }
        }
        Instant now = Times.now(clock);
        var record = contacts.latestMerge(entityId, targetId, sourceId);
        MergeRules.checkUnmerge(target, source, record.map(Contacts.MergeRecord::mergedAt).orElse(null), now);
        List<String> back = MergeRules.addressesBack(record.get().emails(), target.emails());
        contacts.moveEmails(entityId, back, sourceId, 0);
        tickets.moveContactTickets(actor, targetId, sourceId, record.get().ticketIds());
        contacts.deleteMerges(entityId, targetId, sourceId);
        Contact restored = new Contact(sourceId, entityId, source.name(), back, source.phone(),
                source.organizationId(), null, source.createdAt(), now);
        contacts.update(restored);
        List<String> kept = target.emails().stream().filter(e -> !back.contains(e)).toList();
        Contact remaining = new Contact(targetId, entityId, target.name(), kept, target.phone(),
                target.organizationId(), null, target.createdAt(), now);
        contacts.update(remaining);
        events.publishEvent(new ContactEvent("updated", entityId, restored, List.of(), now));
        events.publishEvent(new ContactEvent("updated", entityId, remaining, List.of(), now));
        return restored;
    }

    /** Merge records are kept 30 days (API §9), then removed: once an hour, entity by entity. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    public void forgetOldMerges() {
        Instant before = Times.now(clock).minus(MergeRules.UNDO_WINDOW);
        UUID after = null;
        for (List<UUID> entities = contacts.entitiesAfter(null, 200); !entities.isEmpty();
             entities = contacts.entitiesAfter(after, 200)) {
            for (UUID entityId : entities) {
                contacts.deleteMergesBefore(entityId, before);
            }
            after = entities.get(entities.size() - 1);
        }
    }

    /** Every address must be free in the entity, or belong to {@code self}; else 409 naming the owner. */
    private void requireFree(UUID entityId, List<String> emails, UUID self) {
        for (var owner : contacts.ownersOf(entityId, emails).entrySet()) {
            if (!owner.getValue().equals(self)) {
                throw new AddressTaken(owner.getKey(), owner.getValue());
            }
        }
    }

    private void requireOrganization(UUID entityId, UUID organizationId) {
        if (organizationId != null && !organizations.exists(entityId, organizationId)) {
            throw new InvalidInput("organizationId is not an organization of this entity");
        }
    }
}
