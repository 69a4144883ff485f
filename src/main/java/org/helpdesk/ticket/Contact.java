package org.helpdesk.ticket;

import java.util.UUID;

/** Who the ticket is for: the customer's email address and name, each optional, and their contact record. */
public record Contact(String email, String name, UUID id) {
    public static final Contact NONE = new Contact(null, null, null);

    /** A contact not (yet) linked to a contact record. */
    public Contact(String email, String name) {
        this(email, name, null);
    }

    /** How the contact is shown when no one gave a name: the name, else the address, else "Contact". */
    public String displayName() {
        return name != null ? name : email != null ? email : "Contact";
    }
}
