package org.helpdesk.common;

/** A refusal the caller should retry after a while: answered with Retry-After (seconds). */
public abstract class RetryLater extends DomainException {
    private final long retryAfterSeconds;

    protected RetryLater(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
