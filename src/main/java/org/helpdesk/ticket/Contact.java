package org.helpdesk.ticket;

/** Who the ticket is for: the customer's email address and name, each optional. */
public record Contact(String email, String name) {
    public static final Contact NONE = new Contact(null, null);

    /** How the contact is shown when no one gave a name: the name, else the address, else "Contact". */
    public String displayName() {
        return name != null ? name : email != null ? email : "Contact";
    }
}
