package org.helpdesk.contact;

import java.util.UUID;

import org.helpdesk.common.Conflict;

/** A domain given for an organization already belongs to another organization of the entity. */
public class DomainTaken extends Conflict {
    public DomainTaken(String domain, UUID owner) {
        super("The domain " + domain + " already belongs to organization " + owner);
    }
}
