package org.helpdesk.common;

/** The caller is known but may not do this (role, scope, or not a member). */
public class Forbidden extends DomainException {
    public Forbidden(String message) {
        super(message);
    }
}
