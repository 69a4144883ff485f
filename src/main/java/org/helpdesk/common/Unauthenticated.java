package org.helpdesk.common;

/** The caller could not be identified: no session or key, a wrong password, an unknown key. */
public class Unauthenticated extends DomainException {
    public Unauthenticated(String message) {
        super(message);
    }
}
