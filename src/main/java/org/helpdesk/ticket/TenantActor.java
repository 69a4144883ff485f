package org.helpdesk.ticket;

import org.helpdesk.auth.Tenant;

/**
 * The JSON API's caller as a ticket actor, for every controller that changes tickets or acts in their name: a key
 * acts as the user who created it, through the API channel; a signed-in session through the web channel.
 */
public final class TenantActor {
    private TenantActor() {
    }

    public static Actor of(Tenant tenant) {
        return Actor.agent(tenant.entityId(), tenant.userId(), tenant.userName(),
                tenant.viaApiKey() ? Channel.API : Channel.WEB);
    }
}
