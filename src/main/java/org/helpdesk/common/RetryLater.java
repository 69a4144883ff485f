package org.helpdesk.common;

import org.springframework.http.HttpStatus;

/** A refusal the client should retry after a while (429 over a limit, 503 when busy): answered with Retry-After. */
public class RetryLater extends ApiException {
    private final long retryAfterSeconds;

    public RetryLater(HttpStatus status, String message, long retryAfterSeconds) {
        super(status, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
