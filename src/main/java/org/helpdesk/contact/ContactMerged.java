package org.helpdesk.contact;

import java.util.UUID;

import org.helpdesk.common.Conflict;

/** The contact was merged into another one and can no longer be changed (API §9). */
public class ContactMerged extends Conflict {
    public ContactMerged(UUID contactId, UUID mergedInto) {
        super("Contact " + contactId + " was merged into contact " + mergedInto + " and can no longer be changed");
    }
}
