package org.helpdesk.entity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.helpdesk.auth.Role;
import org.helpdesk.common.Conflict;
import org.helpdesk.common.Ids;
import org.helpdesk.common.JsonInput;
import org.helpdesk.common.NotFound;
import org.helpdesk.common.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entity and membership use cases, for the API, the pages and signup alike. The rules
 * ({@link MembershipRules}): only owners grant, change or take away the owner role, and an entity never drops
 * to zero owners (membership changes of one entity are serialised by a lock on its row). Whether the caller
 * may manage members at all (admins and owners) is checked by the web adapter, which knows how they came in.
 */
@Service
public class Memberships {
    static final int MAX_NAME = 255;

    private final Entities entities;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Memberships(Entities entities, ApplicationEventPublisher events, Clock clock) {
        this.entities = entities;
        this.events = events;
        this.clock = clock;
    }

    /** A new entity owned by {@code ownerId}; joins the caller's transaction (signup makes its user first). */
    @Transactional
    public Entity createEntity(UUID ownerId, String name) {
        String checked = JsonInput.text(name, "name", MAX_NAME);
        Instant now = Times.now(clock);
        Entity entity = new Entity(Ids.newId(), checked, now);
        entities.insert(entity);
        entities.addMember(entity.id(), ownerId, Role.OWNER, now);
        return entity;
    }

    /** The entities a user belongs to, by name. */
    public List<Membership> of(UUID userId) {
        return entities.membershipsOf(userId);
    }

    public List<Member> list(UUID entityId) {
        return entities.members(entityId);
    }

    @Transactional
    public Member add(MemberActor actor, NewMember command) {
        MembershipRules.requireMayHandle(actor.role(), command.role());
        UUID userId = entities.userIdByEmail(command.email())
                .orElseThrow(() -> new NotFound("No account with this email; the person must sign up first"));
        entities.lock(actor.entityId());
        if (entities.member(actor.entityId(), userId).isPresent()) {
            throw alreadyMember();
        }
        try {
            entities.addMember(actor.entityId(), userId, command.role(), Times.now(clock));
        } catch (DuplicateKeyException e) {
            throw alreadyMember();
        }
        return entities.member(actor.entityId(), userId).orElseThrow();
    }

    @Transactional
    public Member changeRole(MemberActor actor, UUID userId, Role role) {
        Member member = lockedMember(actor, userId);
        if (member.role() == role) {
            return member;
        }
        MembershipRules.requireMayHandle(actor.role(), member.role());
        MembershipRules.requireMayHandle(actor.role(), role);
        MembershipRules.requireOwnerLeft(member.role(), entities.countOwners(actor.entityId()));
        entities.changeRole(actor.entityId(), userId, role);
        return entities.member(actor.entityId(), userId).orElseThrow();
    }

    @Transactional
    public void remove(MemberActor actor, UUID userId) {
        Member member = lockedMember(actor, userId);
        MembershipRules.requireMayHandle(actor.role(), member.role());
        MembershipRules.requireOwnerLeft(member.role(), entities.countOwners(actor.entityId()));
        events.publishEvent(new MemberRemoved(actor.entityId(), userId, Times.now(clock), actor.userId(), actor.name()));
        entities.removeMember(actor.entityId(), userId);
    }

    private Member lockedMember(MemberActor actor, UUID userId) {
        entities.lock(actor.entityId());
        return entities.member(actor.entityId(), userId).orElseThrow(() -> new NotFound("No such member in this entity"));
    }

    private static Conflict alreadyMember() {
        return new Conflict("This user is already a member of the entity");
    }
}
