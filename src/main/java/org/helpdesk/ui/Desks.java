package org.helpdesk.ui;

import java.util.List;
import java.util.UUID;

import org.helpdesk.auth.SessionLogin;
import org.helpdesk.auth.SessionUser;
import org.helpdesk.auth.TenantResolver;
import org.helpdesk.common.Forbidden;
import org.helpdesk.entity.Entities;
import org.springframework.stereotype.Component;

/** Opens the {@link Desk} of a page: the entity in the URL must be one the signed-in user belongs to (403). */
@Component
class Desks {
    private final TenantResolver tenants;
    private final Entities entities;
    private final TicketViews views;

    Desks(TenantResolver tenants, Entities entities, TicketViews views) {
        this.tenants = tenants;
        this.entities = entities;
        this.views = views;
    }

    Desk open(UUID entityId) {
        SessionUser user = SessionLogin.current();
        List<Entities.MembershipRow> memberships = entities.membershipsOf(user.id());
        Entities.MembershipRow here = memberships.stream().filter(m -> m.entityId().equals(entityId)).findFirst()
                .orElseThrow(() -> new Forbidden("You are not a member of this entity"));
        Desk desk = new Desk(user, tenants.forSession(user, entityId), here.entityName(), memberships, List.of());
        return desk.withViews(views.counted(desk));
    }
}
