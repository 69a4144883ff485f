package org.helpdesk.entity;

import org.helpdesk.auth.Role;
import org.helpdesk.common.Conflict;
import org.helpdesk.common.Forbidden;

/** The two membership rules, in one place: only owners touch the owner role; the last owner stays. */
final class MembershipRules {
    private MembershipRules() {
    }

    /** Granting, changing or taking away {@code role} by a member whose role is {@code actor}. */
    static void requireMayHandle(Role actor, Role role) {
        if (role == Role.OWNER && actor != Role.OWNER) {
            throw new Forbidden("Only owners may grant, change or remove the owner role");
        }
    }

    /** A member leaving {@code current} behind, in an entity with {@code owners} owners. */
    static void requireOwnerLeft(Role current, int owners) {
        if (current == Role.OWNER && owners <= 1) {
            throw new Conflict("This is the last owner; make someone else owner first");
        }
    }
}
