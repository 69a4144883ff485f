package org.helpdesk.common;

/** The change collides with the current state: a duplicate, a last owner, a key reused for another request. */
public class Conflict extends DomainException {
    public Conflict(String message) {
        super(message);
    }
}
