package org.helpdesk.entity;

import org.helpdesk.auth.Tenant;
import org.springframework.modulith.NamedInterface;

/**
 * For the JSON adapters of the settings features (members, API keys, categories): the request's tenant, checked
 * to be an admin or owner (or a write key), as the actor their use cases take.
 */
@NamedInterface("settings")
public final class SettingsCaller {
    private SettingsCaller() {
    }

    public static MemberActor admin(Tenant tenant) {
        tenant.requireAdmin();
        return new MemberActor(tenant.entityId(), tenant.userId(), tenant.userName(), tenant.role());
    }
}
