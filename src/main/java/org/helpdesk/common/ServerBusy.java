package org.helpdesk.common;

/** The server has no capacity for this now (every password-hashing slot taken): try again shortly. */
public class ServerBusy extends RetryLater {
    public ServerBusy(String message, long retryAfterSeconds) {
        super(message, retryAfterSeconds);
    }
}
