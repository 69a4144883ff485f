package org.helpdesk.ui;

import java.util.List;
import java.util.UUID;

import org.helpdesk.auth.SessionLogin;
import org.helpdesk.auth.SessionUser;
import org.helpdesk.auth.TenantResolver;
import org.helpdesk.common.Forbidden;
import org.helpdesk.entity.Membership;
import org.helpdesk.entity.Memberships;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Opens the {@link Desk} of a page: the entity in the URL must be one the signed-in user belongs to (403). */
@Component
class Desks {
    private final TenantResolver tenants;
    private final Memberships memberships;
    private final TicketViews views;

    Desks(TenantResolver tenants, Memberships memberships, TicketViews views) {
        this.tenants = tenants;
        this.memberships = memberships;
        this.views = views;
    }

    Desk open(UUID entityId) {
        SessionUser user = SessionLogin.current();
        List<Membership> mine = memberships.of(user.id());
        Membership here = mine.stream().filter(m -> m.entityId().equals(entityId)).findFirst()
                .orElseThrow(() -> new Forbidden("You are not a member of this entity"));
        Desk desk = new Desk(user, tenants.forSession(user, entityId), here.entityName(), mine, List.of());
        return desk.withViews(views.counted(desk));
    }

    /** A settings tab any member may open: the desk with the settings view and the tab marked current. */
    Desk settingsTab(UUID entityId, Model model, String tab) {
        return onTab(open(entityId), model, tab);
    }

    /** A settings tab only admins and owners may open; others get the 403 page. */
    Desk adminTab(UUID entityId, Model model, String tab) {
        Desk desk = open(entityId);
        if (!desk.canAdmin()) {
            throw new Forbidden("Only admins and owners may change settings");
        }
        return onTab(desk, model, tab);
    }

    private static Desk onTab(Desk desk, Model model, String tab) {
        model.addAttribute("desk", desk);
        model.addAttribute("activeView", "settings");
        model.addAttribute("tab", tab);
        return desk;
    }
}
