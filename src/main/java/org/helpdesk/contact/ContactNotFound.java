package org.helpdesk.contact;

import org.helpdesk.common.NotFound;

/** No such contact in the caller's entity: one answer for an unknown id and for another entity's contact. */
public class ContactNotFound extends NotFound {
    public ContactNotFound() {
        super("No such contact in this entity");
    }
}
