package org.helpdesk.contact;

import org.helpdesk.common.NotFound;

/** No such organization in the caller's entity (unknown, or another entity's). */
public class OrganizationNotFound extends NotFound {
    public OrganizationNotFound() {
        super("No such organization in this entity");
    }
}
