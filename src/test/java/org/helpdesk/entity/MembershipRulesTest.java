package org.helpdesk.entity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.helpdesk.auth.Role;
import org.helpdesk.common.Conflict;
import org.helpdesk.common.Forbidden;
import org.helpdesk.common.InvalidInput;
import org.junit.jupiter.api.Test;

/** The membership rules without a database: who may touch the owner role, and the last owner stays. */
class MembershipRulesTest {

    @Test
    void onlyAnOwnerMayGrantChangeOrRemoveTheOwnerRole() {
        assertThatCode(() -> MembershipRules.requireMayHandle(Role.OWNER, Role.OWNER)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MembershipRules.requireMayHandle(Role.ADMIN, Role.OWNER)).isInstanceOf(Forbidden.class)
                .hasMessageContaining("Only owners");
    }

    @Test
    void anAdminMayHandleEveryRoleButOwner() {
        for (Role role : new Role[] {Role.VIEWER, Role.AGENT, Role.ADMIN}) {
            assertThatCode(() -> MembershipRules.requireMayHandle(Role.ADMIN, role)).doesNotThrowAnyException();
        }
    }

    @Test
    void theLastOwnerCannotLeaveOrBeDemoted() {
        assertThatThrownBy(() -> MembershipRules.requireOwnerLeft(Role.OWNER, 1)).isInstanceOf(Conflict.class)
                .hasMessageContaining("last owner");
    }

    @Test
    void anOwnerMayGoWhenAnotherOwnerStays() {
        assertThatCode(() -> MembershipRules.requireOwnerLeft(Role.OWNER, 2)).doesNotThrowAnyException();
        assertThatCode(() -> MembershipRules.requireOwnerLeft(Role.AGENT, 1)).doesNotThrowAnyException();
    }

    @Test
    void aNewMemberIsNamedByTheLowerCasedEmailOfTheirAccount() {
        NewMember member = new NewMember("  Pat@Example.COM ", Role.AGENT);
        org.assertj.core.api.Assertions.assertThat(member.email()).isEqualTo("pat@example.com");
        assertThatThrownBy(() -> new NewMember("pat", Role.AGENT)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("email");
        assertThatThrownBy(() -> new NewMember("pat@example.com", null)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("role");
    }
}
