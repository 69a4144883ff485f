package org.helpdesk.ui;

import java.util.List;
import java.util.UUID;

import org.helpdesk.auth.SessionUser;
import org.helpdesk.auth.Tenant;
import org.helpdesk.entity.MemberActor;
import org.helpdesk.entity.Membership;

/**
 * What every page of an entity shows around its content: who is signed in, the entity of the URL and the
 * caller's role in it, the other entities for the switcher, and the views with their counts.
 */
public record Desk(SessionUser user, Tenant tenant, String entityName, List<Membership> memberships,
            List<View> views) {

    /** A saved view of the ticket list; {@code count} is null where it was not counted. */
    public record View(String key, String label, Long count) {
    }

    public UUID entityId() {
        return tenant.entityId();
    }

    /** The path all pages of this entity start with. */
    public String base() {
        return "/e/" + tenant.entityId();
    }

    public boolean canWrite() {
        return tenant.role().canWriteTickets();
    }

    public boolean canAdmin() {
        return tenant.role().canAdminister();
    }

    /** The signed-in member as the settings use cases take them (the pages have checked the role). */
    MemberActor actor() {
        return new MemberActor(tenant.entityId(), user.id(), user.name(), tenant.role());
    }

    Desk withViews(List<View> counted) {
        return new Desk(user, tenant, entityName, memberships, counted);
    }
}
