package org.helpdesk.common;

/** The input breaks a rule: a missing or malformed field, a reference to something of another entity. */
public class InvalidInput extends DomainException {
    public InvalidInput(String message) {
        super(message);
    }
}
