package org.helpdesk.common;

/** What was asked for does not exist, or not in the caller's entity. */
public class NotFound extends DomainException {
    public NotFound(String message) {
        super(message);
    }
}
