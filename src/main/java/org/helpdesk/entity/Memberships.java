package org.helpdesk.entity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.helpdesk.auth.Role;
import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Conflict;
import org.helpdesk.common.Forbidden;
import org.helpdesk.common.Ids;
import org.helpdesk.common.NotFound;
import org.helpdesk.common.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The membership rules: only owners grant, change or take away the owner role, and an entity never drops
 * to zero owners (membership changes of one entity are serialised by a lock on its row).
 */
@Service
public class Memberships {
    private final Entities entities;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Memberships(Entities entities, ApplicationEventPublisher events, Clock clock) {
        this.entities = entities;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Entities.EntityRow createEntity(UUID ownerId, String name) {
        Instant now = Times.now(clock);
        Entities.EntityRow entity = new Entities.EntityRow(Ids.newId(), name, now);
        entities.insert(entity);
        entities.addMember(entity.id(), ownerId, Role.OWNER, now);
        return entity;
    }

    @Transactional(readOnly = true)
    public List<Entities.MemberRow> list(Tenant tenant) {
        return entities.members(tenant.entityId());
    }

    @Transactional
    public Entities.MemberRow add(Tenant tenant, String email, Role role) {
        requireOwnerFor(tenant, role);
        UUID userId = entities.userIdByEmail(email)
                .orElseThrow(() -> new NotFound("No account with this email; the person must sign up first"));
        entities.lock(tenant.entityId());
        if (entities.member(tenant.entityId(), userId).isPresent()) {
            throw new Conflict("This user is already a member of the entity");
        }
        try {
            entities.addMember(tenant.entityId(), userId, role, Times.now(clock));
        } catch (DuplicateKeyException e) {
            throw new Conflict("This user is already a member of the entity");
        }
        return entities.member(tenant.entityId(), userId).orElseThrow();
    }

    @Transactional
    public Entities.MemberRow changeRole(Tenant tenant, UUID userId, Role role) {
        entities.lock(tenant.entityId());
        Entities.MemberRow member = entities.member(tenant.entityId(), userId)
                .orElseThrow(() -> new NotFound("No such member in this entity"));
        if (member.role() == role) {
            return member;
        }
        requireOwnerFor(tenant, member.role());
        requireOwnerFor(tenant, role);
        if (member.role() == Role.OWNER && entities.countOwners(tenant.entityId()) <= 1) {
            throw new Conflict("This is the last owner; make someone else owner first");
        }
        entities.changeRole(tenant.entityId(), userId, role);
        return entities.member(tenant.entityId(), userId).orElseThrow();
    }

    @Transactional
    public void remove(Tenant tenant, UUID userId) {
        entities.lock(tenant.entityId());
        Entities.MemberRow member = entities.member(tenant.entityId(), userId)
                .orElseThrow(() -> new NotFound("No such member in this entity"));
        requireOwnerFor(tenant, member.role());
        if (member.role() == Role.OWNER && entities.countOwners(tenant.entityId()) <= 1) {
            throw new Conflict("This is the last owner; make someone else owner first");
        }
        events.publishEvent(new MemberRemoved(tenant.entityId(), userId, Times.now(clock), tenant.userId(), tenant.userName()));
        entities.removeMember(tenant.entityId(), userId);
    }

    private static void requireOwnerFor(Tenant tenant, Role role) {
        if (role == Role.OWNER && tenant.role() != Role.OWNER) {
            throw new Forbidden("Only owners may grant, change or remove the owner role");
        }
    }
}
