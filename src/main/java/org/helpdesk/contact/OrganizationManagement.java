package org.helpdesk.contact;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.Paging;
import org.helpdesk.common.Times;
import org.helpdesk.ticket.Actor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization use cases (API §9): each domain belongs to at most one organization of the entity (409);
 * deleting an organization keeps its contacts, without it. Permission is checked by the caller.
 */
@Service
public class OrganizationManagement {
    private final Organizations organizations;
    private final Contacts contacts;
    private final Clock clock;

    OrganizationManagement(Organizations organizations, Contacts contacts, Clock clock) {
        this.organizations = organizations;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ContactPage<Organization> list(UUID entityId, int limit, String cursor) {
        if (limit < 1 || limit > ListCursor.MAX_LIMIT) {
            throw new InvalidInput(Paging.tooMany(ListCursor.MAX_LIMIT));
        }
        String query = "organizations|" + entityId;
        List<Organization> rows = organizations.list(entityId, ListCursor.decode(cursor, query), limit + 1);
        if (rows.size() <= limit) {
            return new ContactPage<>(rows, null);
        }
        List<Organization> page = List.copyOf(rows.subList(0, limit));
        return new ContactPage<>(page, ListCursor.encode(query, page.get(page.size() - 1).id()));
    }

    public Organization get(UUID entityId, UUID id) {
        return organizations.find(entityId, id).orElseThrow(OrganizationNotFound::new);
    }

    @Transactional
    public Organization create(Actor actor, NewOrganization command) {
        UUID entityId = actor.entityId();
        requireFree(entityId, command.domains(), null);
        Organization organization = new Organization(Ids.newId(), entityId, command.name(), command.domains(),
                Times.now(clock));
        try {
            organizations.insert(organization);
        } catch (DuplicateKeyException e) {
            requireFree(entityId, command.domains(), null);
            throw e;
        }
        return organization;
    }

    /** Name and domains; contacts already in the organization stay whatever its domains become. */
    @Transactional
    public Organization change(Actor actor, UUID id, OrganizationChange change) {
        UUID entityId = actor.entityId();
        Organization current = get(entityId, id);
        if (change.setsName() && !change.name().equals(current.name())) {
            organizations.rename(entityId, id, change.name());
        }
        if (change.setsDomains() && !change.domains().equals(current.domains())) {
            requireFree(entityId, change.domains(), id);
            organizations.replaceDomains(entityId, id, change.domains());
        }
        return get(entityId, id);
    }

    /** The organization and its domains go; its contacts stay, without it. */
    @Transactional
    public void delete(Actor actor, UUID id) {
        UUID entityId = actor.entityId();
        get(entityId, id);
        contacts.clearOrganization(entityId, id);
        organizations.delete(entityId, id);
    }

    private void requireFree(UUID entityId, List<String> domains, UUID self) {
        for (var owner : organizations.ownersOf(entityId, domains).entrySet()) {
            if (!owner.getValue().equals(self)) {
                throw new DomainTaken(owner.getKey(), owner.getValue());
            }
        }
    }
}
