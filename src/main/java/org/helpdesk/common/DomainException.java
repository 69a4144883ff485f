package org.helpdesk.common;

/**
 * A failure the caller can act on, named for what went wrong in the domain, with a sentence for the caller.
 * It carries no HTTP status: {@link ErrorResponses} maps each kind to one, for every front door alike.
 */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
