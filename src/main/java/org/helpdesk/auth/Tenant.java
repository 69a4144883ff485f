package org.helpdesk.auth;

import java.util.Set;
import java.util.UUID;

import org.helpdesk.common.Forbidden;

/**
 * Who is acting, in which entity, with which rights: resolved once per request by {@link TenantResolver}.
 * A key acts for the member who created it, so its rights are its scopes within that member's role.
 */
public record Tenant(UUID entityId, UUID userId, String userName, Role role, Set<Scope> scopes, UUID apiKeyId) {

    public boolean viaApiKey() {
        return apiKeyId != null;
    }

    public Tenant requireRead() {
        if (viaApiKey() && !scopes.contains(Scope.READ)) {
            throw new Forbidden("This API key lacks the read:helpdesk scope");
        }
        return this;
    }

    public Tenant requireWrite() {
        if (viaApiKey() && !scopes.contains(Scope.WRITE)) {
            throw new Forbidden("This API key lacks the write:helpdesk scope");
        }
        if (!role.canWriteTickets()) {
            throw new Forbidden("The viewer role may not change tickets");
        }
        return this;
    }

    /** Categories: a key needs write:helpdesk, a person needs the admin or owner role. */
    public Tenant requireAdmin() {
        if (viaApiKey()) {
            requireWrite();
        }
        if (!role.canAdminister()) {
            throw new Forbidden("Only admins and owners may do this");
        }
        return this;
    }
}
