package org.helpdesk.entity;

import org.helpdesk.auth.Role;
import org.helpdesk.common.Emails;
import org.helpdesk.common.InvalidInput;

/** A member to add: the email of an existing account (any case) and a role. */
public record NewMember(String email, Role role) {
    public NewMember {
        email = Emails.accountKey(email, "email");
        if (role == null) {
            throw new InvalidInput("role must be one of viewer, agent, admin, owner");
        }
    }
}
