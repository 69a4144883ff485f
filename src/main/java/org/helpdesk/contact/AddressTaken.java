package org.helpdesk.contact;

import java.util.UUID;

import org.helpdesk.common.Conflict;

/** An address given for a contact already belongs to another contact of the entity (API §9 names it). */
public class AddressTaken extends Conflict {
    private final UUID owner;

    public AddressTaken(String email, UUID owner) {
        super("The address " + email + " already belongs to contact " + owner);
        this.owner = owner;
    }

    public UUID owner() {
        return owner;
    }
}
